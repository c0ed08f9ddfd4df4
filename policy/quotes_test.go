package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeText(t *testing.T) {
	for in, want := range map[string]string{
		"## 2\\. Information We Collect":                       "## 2. Information We Collect",
		"**Log Files:** As is true":                            "Log Files: As is true",
		"_Privacy Statement Effective as May 18, 2016_":        "Privacy Statement Effective as May 18, 2016",
		"(“We”, \"Us”, or “Our”)":                              `("We", "Us", or "Our")`,
		"tracking users’ movements":                            "tracking users' movements",
		"a  b\n\tc\u00a0d":                                     "a b c d",
		"  leading and trailing  ":                             "leading and trailing",
		"click [_here_](http://x.example/) now":                "click here now",
		"visit <http://www.export.gov/safeharbor/>":            "visit http://www.export.gov/safeharbor/",
		"**_contact us at_**[a@b.example](mailto:a@b.example)": "contact us ata@b.example",
		"one – two — three…":                                   "one - two - three...",
		"100% secure \\* not emphasis":                         "100% secure not emphasis",
	} {
		if got := normalizeText(in); got != want {
			t.Errorf("normalizeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckQuotes(t *testing.T) {
	src := `version: 1
clauses:
  ok:       {quote: "We gather certain information automatically and store it in log files."}
  curly:    {quote: "tracking users’ movements around the site"}
  emphasis: {quote: "Log Files: As is true of most websites"}
  wrong:    {quote: "We gather certain information automatically and keep it forever in log files."}
  absent:   {quote: "We never collect anything."}
`
	text := "**Log Files:** As is true of most websites, We gather certain information automatically\n" +
		"and store it in log files. Technologies are used in tracking users' movements around the site."
	p, err := Parse("q.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range p.CheckQuotes(text) {
		got = append(got, e.Error())
	}
	want := []string{
		`q.yaml:6:21: clauses.wrong.quote: the quote does not occur in the statement text (hint: the text matches up to "...certain information automatically and ", then differs at "keep it forever in log files."; copy the sentence verbatim)`,
		`q.yaml:7:21: clauses.absent.quote: the quote does not occur in the statement text (hint: copy the sentence verbatim from the statement; whitespace, quote marks and Markdown emphasis are ignored)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckQuotes (-want +got):\n%s", diff)
	}
}
