package annotations

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ValidCategorySyntax reports whether s is spelled like a category: lowercase
// identifiers [a-z][a-z0-9_]* joined by single dots (user.contact.email), or a
// single such identifier (an alias such as email, or a top-level category
// such as user). Purposes share the syntax (marketing.communications.email).
// Whether the category exists is for the policy to say.
func ValidCategorySyntax(s string) bool {
	if s == "" {
		return false
	}
	for seg := range strings.SplitSeq(s, ".") {
		if !validSegment(seg) {
			return false
		}
	}
	return true
}

func validSegment(seg string) bool {
	if seg == "" || seg[0] < 'a' || seg[0] > 'z' {
		return false
	}
	for i := 1; i < len(seg); i++ {
		if !isLowerIdent(seg[i]) {
			return false
		}
	}
	return true
}

func isLowerIdent(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}

// ValidRuleSyntax reports whether s is spelled like a rule id: "PV" and three
// digits (PV101). Whether an analyzer defines it is for the caller to say.
func ValidRuleSyntax(s string) bool {
	if len(s) != 5 || s[:2] != "PV" {
		return false
	}
	for i := 2; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validRecipientSyntax accepts the names that policies give recipients
// (mailer, stripe, google-analytics, crm.v2): a letter, then letters,
// digits, '_', '-' or '.', not ending in '-' or '.'. Recipients are keys of
// a YAML map, so they are not held to the lowercase category syntax.
func validRecipientSyntax(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' && c != '.' {
			return false
		}
	}
	last := s[len(s)-1]
	return last != '-' && last != '.'
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// idProblem explains why s (a category or purpose, named by what) is not
// well-formed, and what to write instead. It must only be called when
// ValidCategorySyntax(s) is false. The hints aim at the usual slips: Go-style
// capitals (User.Email), kebab-case (ip-address), doubled dots.
func idProblem(what, s string) (problem, hint string) {
	example, plural := "user.contact.email", "categories"
	if what == "purpose" {
		example, plural = "marketing.communications.email", "purposes"
	}
	syntax := fmt.Sprintf("write lowercase identifiers joined by dots, e.g. %s", example)
	if s == "" {
		return "it is empty", syntax
	}
	if strings.ContainsAny(s, " \t") {
		return "it contains a space", fmt.Sprintf("remove the space, or separate %s with commas", plural)
	}
	if low := strings.ToLower(s); low != s && ValidCategorySyntax(low) {
		return fmt.Sprintf("%s are lowercase", plural), fmt.Sprintf("write %s", low)
	}
	if fixed := strings.ReplaceAll(s, "-", "_"); fixed != s && ValidCategorySyntax(fixed) {
		return "it contains '-'", fmt.Sprintf("write %s, with '_'", fixed)
	}
	if base, ok := strings.CutSuffix(s, ".*"); ok && ValidCategorySyntax(base) {
		return "it has a wildcard", fmt.Sprintf("write %s: a %s covers everything below it", base, what)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLowerIdent(c) && c != '.' {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return fmt.Sprintf("%q is not allowed in a %s", r, what), syntax
		}
	}
	for seg := range strings.SplitSeq(s, ".") {
		if seg == "" {
			return "it has an empty segment (a leading, trailing or doubled dot)", syntax
		}
		if !validSegment(seg) {
			return fmt.Sprintf("segment %q does not start with a letter", seg), syntax
		}
	}
	return "it is not dotted lowercase identifiers", syntax
}

// Suggest returns the candidate closest to s, for did-you-mean hints, or ""
// when none is close. Case is ignored; a candidate qualifies when at most
// about a third of its letters (one for short words, never more than two)
// must be inserted, deleted, changed or swapped. Ties go to the earlier
// candidate, so callers order candidates by preference. Exported so that
// callers reporting PV902-PV905 against the policy suggest the same way.
func Suggest(s string, candidates []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := Distance(ls, strings.ToLower(c))
		limit := min(2, max(1, len(c)/3))
		if d > limit {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance is the optimal string alignment distance (Levenshtein plus
// adjacent transpositions, so "snik" is one edit from "sink"), on bytes.
// The policy package uses it for its hints too.
func Distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		// Names are short; a long string is no one's typo, and this keeps
		// the quadratic table small on hostile input.
		if a == b {
			return 0
		}
		return max(len(a), len(b))
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
