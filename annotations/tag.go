package annotations

import (
	"fmt"
	"strconv"
	"strings"
)

// TagKey is the struct tag key that marks a field's categories.
const TagKey = "privacy"

const tagExample = `privacy:"user.contact.email"`

// ParseTag reads the privacy key of a struct tag: the whole raw tag, as
// types.Struct.Tag returns it or as ast.Field.Tag.Value unquotes to.
//
// present is false when the tag has no privacy key. optOut is true for
// privacy:"-", which says the field is not personal data (so nothing
// suggests tagging it). Otherwise cats are the comma-separated categories,
// trimmed of spaces, as written (aliases unresolved).
//
// An error (Rule PV901, Pos NoPos: the caller places it at the field) comes
// for an empty value, an empty element, a duplicate, "-" mixed with
// categories, a malformed category, a second privacy key, a privacy key
// that reflect.StructTag cannot read (privacy: "x", privacy:'x', or a
// malformed tag before it), and a near miss of the key (Privacy:, privcy:,
// ,privacy: after a comma). With an error, present is true when a privacy
// key was read and cats still holds its well-formed categories, so callers
// can go on treating the field as personal data (and not suggest a tag for
// it) while the error is fixed.
//
// Malformed tags that do not mention privacy are not reported: go vet's
// structtag check owns them.
func ParseTag(tag string) (cats []string, present, optOut bool, err *Error) {
	value, present, err := lookupTag(tag)
	if !present {
		return nil, false, false, err
	}
	if strings.TrimSpace(value) == "-" {
		return nil, true, true, err
	}
	if strings.TrimSpace(value) == "" {
		return nil, true, false, firstErr(err, tagErr(`empty privacy tag`,
			`name the categories, e.g. `+tagExample+`, or write privacy:"-" for a field that is not personal data`))
	}
	seen := map[string]bool{}
	for e := range strings.SplitSeq(value, ",") {
		t := strings.TrimSpace(e)
		var bad *Error
		switch {
		case t == "":
			bad = tagErr(fmt.Sprintf("empty category in privacy tag %q", value), "remove the extra comma")
		case t == "-":
			bad = tagErr(fmt.Sprintf(`"-" combined with categories in privacy tag %q`, value),
				`write privacy:"-" alone for a field that is not personal data, or only the categories`)
		case !ValidCategorySyntax(t):
			problem, hint := idProblem("category", t)
			bad = tagErr(fmt.Sprintf("malformed category %q in privacy tag: %s", t, problem), hint)
		case seen[t]:
			bad = tagErr(fmt.Sprintf("category %q appears twice in privacy tag", t), "remove the duplicate")
		default:
			seen[t] = true
			cats = append(cats, t)
		}
		err = firstErr(err, bad)
	}
	return cats, true, false, err
}

func tagErr(msg, hint string) *Error {
	return &Error{Rule: RuleMalformed, Msg: msg, Hint: hint}
}

func firstErr(a, b *Error) *Error {
	if a != nil {
		return a
	}
	return b
}

// lookupTag is reflect.StructTag.Lookup(TagKey), scanning the same way, but
// it says why the key could not be read and what else looks wrong.
func lookupTag(tag string) (value string, found bool, err *Error) {
	var nearMiss *Error // a key that looks like privacy, reported only if privacy is absent
	done := func(e *Error) (string, bool, *Error) {
		if found {
			// reflect has read the value: what follows does not hide it.
			return value, true, firstErr(err, e)
		}
		return "", false, firstErr(e, nearMiss)
	}
	rest := tag
	for rest != "" {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		i := 0
		for i < len(rest) && rest[i] > ' ' && rest[i] != ':' && rest[i] != '"' && rest[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(rest) || rest[i] != ':' || rest[i+1] != '"' {
			if found {
				return done(nil)
			}
			return done(badTagSyntax(rest, i))
		}
		key := rest[:i]
		rest = rest[i+1:]
		i = 1
		for i < len(rest) && rest[i] != '"' {
			if rest[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(rest) {
			if found || !strings.Contains(strings.ToLower(key+rest), TagKey) {
				return done(nil)
			}
			return done(tagErr(fmt.Sprintf("unterminated value in struct tag at %s", snippet(key+":"+rest)),
				"close the quoted value with a double quote"))
		}
		quoted := rest[:i+1]
		rest = rest[i+1:]
		switch {
		case key == TagKey && found:
			err = firstErr(err, tagErr(fmt.Sprintf("second privacy key in struct tag (privacy:%s)", quoted),
				"list every category in one key: "+tagExample[:len(tagExample)-1]+`,user.name"`))
		case key == TagKey:
			v, uerr := strconv.Unquote(quoted)
			if uerr != nil {
				return done(tagErr(fmt.Sprintf("privacy tag value %s is not a valid Go string", quoted),
					"write plain categories separated by commas, e.g. "+tagExample))
			}
			value, found = v, true
		case nearMiss == nil && looksLikeTagKey(key):
			nearMiss = tagErr(fmt.Sprintf("struct tag key %q is not %q", key, TagKey), nearMissHint(key))
		}
	}
	return done(nil)
}

// looksLikeTagKey catches keys meant to be privacy: other case, a typo, or
// a leading comma from separating tag pairs with commas as in a JSON list.
func looksLikeTagKey(key string) bool {
	k := strings.ToLower(strings.TrimLeft(key, ",;"))
	return k == TagKey || Distance(k, TagKey) <= 1
}

func nearMissHint(key string) string {
	if strings.TrimLeft(key, ",;") != key {
		return "separate struct tag pairs with spaces, not commas: " + tagExample
	}
	return "write " + tagExample
}

// badTagSyntax explains a tag that reflect stops reading at rest, where the
// key scan stopped at i. It returns nil when the tag does not mention
// privacy from there on: then the problem is not ours to report.
func badTagSyntax(rest string, i int) *Error {
	if !strings.Contains(strings.ToLower(rest), TagKey) {
		return nil
	}
	key := rest[:i]
	if strings.EqualFold(strings.TrimLeft(key, ",;"), TagKey) {
		switch {
		case i+1 >= len(rest):
			return tagErr(fmt.Sprintf("privacy key without a value in struct tag at %s", snippet(rest)), "write "+tagExample)
		case rest[i] == ' ' && strings.HasPrefix(strings.TrimLeft(rest[i:], " "), ":"):
			return tagErr(fmt.Sprintf("space before the colon in struct tag at %s", snippet(rest)),
				"write "+tagExample+", with no space around the colon")
		case rest[i] != ':':
			return tagErr(fmt.Sprintf("missing ':' after the privacy key in struct tag at %s", snippet(rest)), "write "+tagExample)
		case rest[i+1] == ' ':
			return tagErr(fmt.Sprintf("space after the colon in struct tag at %s", snippet(rest)),
				"write "+tagExample+", with no space around the colon")
		default:
			return tagErr(fmt.Sprintf("privacy tag value is not in double quotes at %s", snippet(rest)),
				"write "+tagExample)
		}
	}
	if strings.HasPrefix(strings.ToLower(rest), TagKey+"=") {
		return tagErr(fmt.Sprintf("'=' instead of ':' in struct tag at %s", snippet(rest)), "write "+tagExample)
	}
	return tagErr(fmt.Sprintf("malformed struct tag at %s, before the privacy key, which cannot be read", snippet(rest)),
		`struct tags are key:"value" pairs separated by spaces, e.g. json:"email" `+tagExample)
}

// snippet quotes the start of s, short enough for a one-line message.
func snippet(s string) string {
	const n = 24
	if len(s) > n {
		return strconv.Quote(s[:n]) + "..."
	}
	return strconv.Quote(s)
}
