package policy

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// CheckQuotes reports each clause whose quote does not occur in
// statementText. Both sides are normalised first, so that a quote copied
// from the rendered statement matches its Markdown source: see
// normalizeText. The errors point at the quotes.
func (p *Policy) CheckQuotes(statementText string) ErrorList {
	text := normalizeText(statementText)
	var errs ErrorList
	for _, id := range sortedKeys(p.Clauses) {
		c := p.Clauses[id]
		q := normalizeText(c.Quote)
		if q == "" || strings.Contains(text, q) {
			continue
		}
		pos := c.quotePos
		if pos.File == "" {
			pos = c.Pos
		}
		errs = append(errs, &Error{
			Pos:  pos,
			Key:  "clauses." + id + ".quote",
			Msg:  "the quote does not occur in the statement text",
			Hint: quoteHint(text, q),
		})
	}
	return errs.sorted()
}

// quoteHint shows where a quote departs from the text: the longest prefix
// of the quote found in the text, and what follows it in the quote.
// Substring presence is monotone in prefix length, so a binary search
// finds it.
func quoteHint(text, q string) string {
	lo, hi := 0, len(q) // the prefix of length lo occurs; longer than hi does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, q[:mid]) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for lo > 0 && lo < len(q) && !isRuneStart(q[lo]) {
		lo--
	}
	const show = 40
	if lo < 16 && lo < len(q)/2 {
		// A few matching words say nothing about where the quote went wrong.
		return "copy the sentence verbatim from the statement; whitespace, quote marks and Markdown emphasis are ignored"
	}
	matched := q[:lo]
	if len(matched) > show {
		cut := len(matched) - show
		if i := strings.IndexByte(matched[cut:], ' '); i >= 0 && i < show/2 {
			cut += i + 1 // start at a word
		}
		for cut < len(matched) && !isRuneStart(matched[cut]) {
			cut++
		}
		matched = "..." + matched[cut:]
	}
	rest := q[lo:]
	if len(rest) > show {
		cut := show
		if i := strings.LastIndexByte(rest[:cut], ' '); i > show/2 {
			cut = i // end at a word
		}
		for cut > 0 && !isRuneStart(rest[cut]) {
			cut--
		}
		rest = rest[:cut] + "..."
	}
	return fmt.Sprintf("the text matches up to %q, then differs at %q; copy the sentence verbatim", matched, rest)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto|ftp):[^>\s]*)>`)
	mdEscape   = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
)

// quoteReplacer maps typographic punctuation to its plain form.
var quoteReplacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2013", "-", "\u2014", "-", "\u2212", "-",
	"\u2026", "...",
)

// normalizeText reduces statement text and quotes to what a reader sees:
// Markdown links become their label and autolinks their address,
// backslash escapes ("2\.") their character, emphasis markers ('*', '_')
// go, typographic quotes, dashes and ellipses become plain ASCII, and runs
// of white space (non-breaking spaces included) become one space. '_'
// inside identifiers is dropped too, the same way on both sides, so that
// comparison stays exact.
func normalizeText(s string) string {
	// The regexps are the slow part; most quotes need none of them.
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutolink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, `\`) {
		s = mdEscape.ReplaceAllStringFunc(s, func(m string) string {
			if m[1] == '*' || m[1] == '_' {
				return "" // an escaped marker would be stripped anyway; keep sides equal
			}
			return m[1:]
		})
	}
	s = quoteReplacer.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '*' || r == '_':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
