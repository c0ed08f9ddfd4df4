package policy

import (
	"sort"
	"strings"
	"unicode"
)

// mergeRules gives every category rule the constraints it does not set
// itself from its nearest listed ancestor, with the clause that set them.
// Ancestors have fewer dots, so handling rules by depth means a parent is
// already merged when its children inherit from it.
func (d *policyDecoder) mergeRules() {
	cats := sortedKeys(d.p.Categories)
	sort.SliceStable(cats, func(i, j int) bool {
		return strings.Count(cats[i], ".") < strings.Count(cats[j], ".")
	})
	for _, c := range cats {
		r := d.p.Categories[c]
		w := d.written[c]
		for _, k := range constraintKeys {
			if w.has(k) && r.Cite[k] == "" {
				r.Cite[k] = r.Clause
			}
		}
		if parent := d.ancestorRule(c); parent != nil {
			inherit := func(k string, field *string, from string) {
				if !w.has(k) && *field == "" {
					*field = from
					if cl := parent.Cite[k]; cl != "" {
						r.Cite[k] = cl
					}
				}
			}
			log := string(r.Log)
			inherit("log", &log, string(parent.Log))
			r.Log = LogRule(log)
			inherit("store", &r.Store, parent.Store)
			inherit("transport", &r.Transport, parent.Transport)
			inherit("collect", &r.Collect, parent.Collect)
			if r.Collect == CollectGated && r.Gate == "" && parent.Collect == CollectGated {
				r.Gate = parent.Gate
			}
		}
		if r.Log == "" {
			r.Log = LogDeny
		}
	}
}

// ancestorRule returns the rule of c's nearest listed proper ancestor.
func (d *policyDecoder) ancestorRule(c string) *CategoryRule {
	for a := parentOf(c); a != ""; a = parentOf(a) {
		if r := d.p.Categories[a]; r != nil {
			return r
		}
	}
	return nil
}

// checkRules reports contradictions within merged rules. Each is reported
// at the entry that wrote one of the clashing keys, not at every
// descendant that inherited them.
func (d *policyDecoder) checkRules() {
	for _, c := range sortedKeys(d.p.Categories) {
		r, w := d.p.Categories[c], d.written[c]
		path := join("categories", c)
		switch {
		case w.has("gate") && r.Collect != CollectGated:
			d.errorAt(d.derefQuiet(w.keys["gate"]), join(path, "gate"), "add collect: gated, or drop gate:", "gate applies only to collect: gated")
		case r.Collect == CollectGated && r.Gate == "" && w.has("collect"):
			d.errorAt(d.derefQuiet(w.vals["collect"]), join(path, "collect"),
				"add gate: PURPOSE, naming the purpose whose consent or setting check must guard collecting it", "collect: gated needs a gate")
		}
		if r.Collect == CollectForbidden && r.Log == LogAllow && (w.has("log") || w.has("collect")) {
			k := "collect"
			if w.has("log") {
				k = "log"
			}
			d.errorAt(d.derefQuiet(w.vals[k]), join(path, k), "a category that must not be collected cannot be logged; drop log: allow",
				"log: allow contradicts collect: forbidden")
		}
	}
}

// recipientChecks reports recipients allowed what the rest of the policy
// forbids: such an entry would hide a PV403 or PV203 finding behind a
// declared recipient.
func (d *policyDecoder) recipientChecks(name string, cats, purposes []item) {
	for _, it := range cats {
		c, _ := d.p.Canonical(it.s)
		if r := d.p.Rule(c); r != nil && r.Collect == CollectForbidden {
			d.errorAt(it.n, it.path, "remove it: a forbidden category is sent to no one",
				"recipient %s may not receive %s, whose collection is forbidden", name, c)
		}
	}
	for _, it := range purposes {
		if pu := d.p.Purpose(it.s); pu != nil && pu.Forbidden {
			d.errorAt(it.n, it.path, "remove it: a forbidden purpose is allowed to no one",
				"recipient %s may not serve %s, which is forbidden", name, it.s)
		}
	}
}

// checkHost returns why h is not a host name, or "".
func checkHost(h string) string {
	switch {
	case h == "":
		return "it is empty"
	case strings.Contains(h, "://"):
		return "a host has no scheme"
	case strings.ContainsAny(h, "/?#"):
		return "a host has no path"
	case strings.Contains(h, ":"):
		return "a host has no port (ports are ignored when matching)"
	case h == "*":
		return "a lone * would match every host; name the domain, as in *.mailer.example"
	}
	base, wild := strings.CutPrefix(h, "*.")
	if wild && !strings.Contains(base, ".") {
		return "a wildcard needs a domain with a dot, as in *.mailer.example"
	}
	if strings.Contains(base, "*") {
		return "* may only be the whole first label, as in *.mailer.example"
	}
	if len(base) > 253 {
		return "it is longer than 253 characters"
	}
	for _, l := range strings.Split(base, ".") {
		if l == "" || len(l) > 63 {
			return "each dot-separated label must have 1 to 63 characters"
		}
		if l[0] == '-' || l[len(l)-1] == '-' {
			return "a label may not start or end with '-'"
		}
		for i := 0; i < len(l); i++ {
			if c := l[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "a label holds only letters, digits and '-'"
			}
		}
	}
	return ""
}

// validImportPath reports whether s is a plausible import path: non-empty
// slash-separated elements of letters, digits and "-._~+", none of them
// "." or "..", none starting or ending with a dot.
func validImportPath(s string) bool {
	if s == "" {
		return false
	}
	for _, el := range strings.Split(s, "/") {
		if el == "" || el[0] == '.' || el[len(el)-1] == '.' {
			return false
		}
		for i := 0; i < len(el); i++ {
			c := el[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~+", c) >= 0) {
				return false
			}
		}
	}
	return true
}

// isIdent reports whether s is a Go identifier.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// validQualified reports whether s is an import path followed by n
// dot-separated identifiers ("pkg/path.Type.Field" for n = 2). The last
// path element may hold dots itself (gopkg.in/yaml.v3), so the names are
// taken from the end.
func validQualified(s string, n int) bool {
	tail := s[strings.LastIndexByte(s, '/')+1:]
	parts := strings.Split(tail, ".")
	if len(parts) < n+1 {
		return false
	}
	names := parts[len(parts)-n:]
	for _, name := range names {
		if !isIdent(name) {
			return false
		}
	}
	return validImportPath(s[:len(s)-len(strings.Join(names, "."))-1])
}

func validTypeName(s string) bool  { return validQualified(s, 1) }
func validFieldName(s string) bool { return validQualified(s, 2) }

// validFuncName reports whether s is a function as go/types prints it:
// "pkg/path.Func", "(*pkg/path.Type).Method" or "(pkg/path.Type).Method",
// the receiver type possibly with type parameters ("(*pkg.List[T]).Push").
func validFuncName(s string) bool {
	if !strings.HasPrefix(s, "(") {
		return validQualified(s, 1)
	}
	end := strings.IndexByte(s, ')')
	if end < 0 {
		return false
	}
	recv := strings.TrimPrefix(s[1:end], "*")
	if i := strings.IndexByte(recv, '['); i >= 0 {
		if !strings.HasSuffix(recv, "]") {
			return false
		}
		for _, tp := range strings.Split(recv[i+1:len(recv)-1], ",") {
			if !isIdent(strings.TrimSpace(tp)) {
				return false
			}
		}
		recv = recv[:i]
	}
	method, ok := strings.CutPrefix(s[end+1:], ".")
	return ok && isIdent(method) && validQualified(recv, 1)
}

// afterMerge runs f once category rules are merged.
func (d *policyDecoder) afterMerge(f func()) { d.final = append(d.final, f) }
