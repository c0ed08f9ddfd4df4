package flow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/privacyvet/privacyvet/analyzers/internal/guard"
	"github.com/privacyvet/privacyvet/policy"
)

// ConsentFinding is a send of personal data under a purpose that needs
// consent, reached from an entry point of the package on a path that no
// check for that purpose guards.
type ConsentFinding struct {
	Requirement
	Pos   token.Pos // where it is reported: the send, or the call in this package that leads to it
	Entry string    // the entry point the unguarded path starts from
}

// IgnoredCheck is a consent check whose result decides nothing.
type IgnoredCheck struct {
	Pos     token.Pos
	Purpose string
	Check   string // the check's name
}

// needsConsent reports whether sends serving purpose must be guarded.
func (e *engine) needsConsent(purpose string) bool {
	if purpose == "" {
		return false
	}
	p := e.pol.Purpose(purpose)
	return p != nil && (p.Consent == policy.ConsentRequired || p.Consent == policy.ConsentOptOut)
}

// oracle recognises consent checks: //privacy:consent functions (here or
// through facts), the policy's consent entries, and functions of this
// package that wrap a check and return its verdict.
func (e *engine) oracle(c *ssa.CallCommon) (string, guard.Shape, bool) {
	var obj *types.Func
	if callee := c.StaticCallee(); callee != nil {
		obj = funcObject(callee)
		if obj == nil {
			if w, ok := e.wrappers[origin(callee)]; ok {
				return w.purpose, w.shape, true
			}
			return "", 0, false
		}
		if w, ok := e.wrappers[origin(callee)]; ok {
			return w.purpose, w.shape, true
		}
	} else if c.IsInvoke() {
		obj = c.Method
	}
	if obj == nil {
		return "", 0, false
	}
	purpose := e.consentOf(obj)
	if purpose == "" {
		return "", 0, false
	}
	return purpose, shapeOf(obj.Signature()), true
}

// consentOf returns the purpose whose consent function obj checks: by a
// directive, the policy, or, for another package's, its summary; "" for the
// many functions that check none. The answer is kept: the oracle asks
// for every call at every analysis of a function, and reading another
// package's summary decodes it.
func (e *engine) consentOf(obj *types.Func) string {
	if purpose, ok := e.consents[obj]; ok {
		return purpose
	}
	purpose := e.polConsent[obj.FullName()]
	if mk := e.marks.Funcs[obj]; mk != nil && mk.Consent != "" {
		purpose = mk.Consent
	} else if purpose == "" && obj.Pkg() != nil && obj.Pkg() != e.pass.Pkg {
		var fact FuncFact
		if e.importFuncFact(obj, &fact) {
			purpose = fact.Consent
		}
	}
	if e.consents == nil {
		e.consents = make(map[*types.Func]string)
	}
	e.consents[obj] = purpose
	return purpose
}

// shapeOf: a check returning bool (its last bool result) or error.
func shapeOf(sig *types.Signature) guard.Shape {
	res := sig.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if isBool(res.At(i).Type()) {
			return guard.Bool
		}
	}
	return guard.Error
}

type wrapper struct {
	purpose string
	shape   guard.Shape
}

// requirements computes the unguarded consent requirements of a
// converged function state: its own sends under a purpose that needs
// consent (and of gated categories outside their gate), and those of its
// callees at calls that no check guards.
func (e *engine) requirements(st *state) ([]Requirement, *guard.Guards) {
	g := guard.Compute(st.fn, e.oracle)
	if shape, purposes := g.Wrapper(); len(purposes) == 1 && shape != 0 {
		e.wrappers[st.fn] = wrapper{purposes[0], shape}
	}
	var ignored []IgnoredCheck
	for _, c := range g.Ignored() {
		ignored = append(ignored, IgnoredCheck{Pos: c.Call.Pos(), Purpose: c.Purpose, Check: callName(c.Call)})
	}
	e.ignored[st.fn] = ignored
	var out []Requirement
	seen := make(map[string]bool)
	add := func(r Requirement) {
		k := r.Purpose + "|" + r.Category + "|" + r.Sink
		if seen[k] || len(out) >= maxFactEntries {
			return
		}
		seen[k] = true
		out = append(out, r)
	}
	for _, h := range st.hits {
		if h.instr == nil {
			continue
		}
		for _, l := range h.labels {
			if l.symbolic() {
				continue
			}
			if e.needsConsent(h.purpose) && !h.guarded && !g.Guarded(h.instr, h.purpose) {
				add(Requirement{Purpose: h.purpose, Category: l.cat, Origin: l.origin, Kind: h.kind, Sink: h.sink, Path: h.path(l)})
			}
			if r := e.pol.Rule(l.cat); r != nil && r.Collect == policy.CollectGated && r.Gate != "" && h.kind != "log" && !g.Guarded(h.instr, r.Gate) {
				add(Requirement{Purpose: r.Gate, Gate: true, Category: l.cat, Origin: l.origin, Kind: h.kind, Sink: h.sink, Path: h.path(l)})
			}
		}
	}
	for _, rq := range st.inherited {
		if !g.Guarded(rq.instr, rq.Purpose) {
			add(rq.Requirement)
		}
	}
	return out, g
}

func callName(c ssa.CallInstruction) string {
	if callee := c.Common().StaticCallee(); callee != nil {
		if obj := funcObject(callee); obj != nil {
			return displayName(obj)
		}
		return callee.Name()
	}
	if c.Common().IsInvoke() {
		return displayName(c.Common().Method)
	}
	return "check"
}

// inheritedReq is a callee's requirement at one of its call sites.
type inheritedReq struct {
	Requirement
	instr ssa.Instruction
}
