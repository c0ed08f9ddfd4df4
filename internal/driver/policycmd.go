package driver

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/privacyvet/privacyvet/policy"
)

// policyCmd runs "privacyvet policy check|categories".
func policyCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: privacyvet policy check [-statement FILE] [FILE|builtin:NAME]\n       privacyvet policy categories")
		return exitError
	}
	switch args[0] {
	case "categories":
		for _, c := range policy.BuiltinCategories() {
			fmt.Fprintln(stdout, c)
		}
		return exitOK
	case "check":
		return policyCheck(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "privacyvet policy: unknown command %q (use check or categories)\n", args[0])
	return exitError
}

// policyCheck validates a policy and checks its clause quotes against the
// statement text (-statement, else the policy's statement.text), so that a
// changed statement fails CI until the policy follows it.
func policyCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("privacyvet policy check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	statement := fs.String("statement", "", "the statement's text (Markdown or plain text); default: the policy's statement.text")
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	spec := ""
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "usage: privacyvet policy check [-statement FILE] [FILE|builtin:NAME]")
		return exitError
	}
	if fs.NArg() == 1 {
		spec = fs.Arg(0)
		if _, err := os.Stat(spec); err != nil && !isBuiltinSpec(spec) {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
	}
	dir, _ := os.Getwd()
	pol, err := policy.Resolve(spec, dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	var errs policy.ErrorList
	if *statement != "" {
		text, err := os.ReadFile(*statement)
		if err != nil {
			fmt.Fprintf(stderr, "privacyvet: %v\n", err)
			return exitError
		}
		errs = pol.CheckQuotes(string(text))
	} else {
		errs = pol.CheckStatement()
	}
	if len(errs) > 0 {
		fmt.Fprintln(stderr, errs)
		return exitError
	}
	quotes := "no statement text to check quotes against"
	if *statement != "" || pol.Statement.TextPath != "" {
		quotes = "every clause quote found in the statement"
	}
	fmt.Fprintf(stdout, "%s: ok (%d clauses, %d categories, %d purposes, %d recipients; %s)\n",
		pol.Source, len(pol.Clauses), len(pol.Categories), len(pol.Purposes), len(pol.Recipients), quotes)
	return exitOK
}

func isBuiltinSpec(s string) bool { return len(s) > 8 && s[:8] == "builtin:" }
