package annotations

import "go/token"

// Rule ids for problems with annotations. They are the diagnostic Category of
// the findings that report them, so they never change meaning once released.
//
// This package reports only the syntactic ones (PV901, PV906, PV907, PV908,
// PV909). The others need the policy (which categories, purposes, recipients
// and rules exist), so callers report them; the ids live here so that every
// annotation problem is defined in one place.
const (
	// RuleMalformed (PV901): a directive or privacy struct tag that does not
	// follow the grammar: a missing or extra argument, a category that is not
	// dotted lowercase ids, a sink kind that does not exist, a rule id that is
	// not PV and three digits, a struct tag that cannot be read.
	RuleMalformed = "PV901"

	// RuleUnknownCategory (PV902): a well-formed category (or alias) that is
	// in neither the built-in taxonomy nor the policy. Reported by callers.
	RuleUnknownCategory = "PV902"

	// RuleUnknownPurpose (PV903): a purpose in //privacy:purpose or
	// //privacy:consent that the policy does not declare. Reported by callers.
	RuleUnknownPurpose = "PV903"

	// RuleUnknownRecipient (PV904): a //privacy:sink thirdparty RECIPIENT that
	// the policy's recipients do not declare. Reported by callers.
	RuleUnknownRecipient = "PV904"

	// RuleUnknownRule (PV905): a //privacy:allow naming a well-formed rule id
	// that no analyzer defines. Reported by callers.
	RuleUnknownRule = "PV905"

	// RuleAllowNoReason (PV906): a //privacy:allow without a reason. A
	// suppression must say why, so that a reviewer can judge it; one without
	// a reason suppresses nothing.
	RuleAllowNoReason = "PV906"

	// RuleWrongTarget (PV907): a directive on a declaration of the wrong kind:
	// //privacy:data on a function, //privacy:sink on a type, //privacy:data
	// on a type alias.
	RuleWrongTarget = "PV907"

	// RuleUnknownDirective (PV908): //privacy:NAME where NAME is not a
	// directive (//privacy:sinks). Comes with a did-you-mean when one is close.
	RuleUnknownDirective = "PV908"

	// RuleMisplaced (PV909): a directive that nothing reads: inside a function
	// body, on a struct field, a variable, a grouped type declaration's shared
	// doc, or floating between declarations. //privacy:allow is exempt: it
	// applies to lines, not declarations.
	RuleMisplaced = "PV909"
)

// Error is a malformed or misplaced annotation.
type Error struct {
	// Pos points at the offending text as precisely as possible: the
	// directive word, the bad argument, or (for struct tags, which have no
	// position of their own here) token.NoPos, for the caller to place at
	// the field.
	Pos token.Pos
	// Rule is the PV9xx id.
	Rule string
	// Msg says what is wrong, naming the offending text.
	Msg string
	// Hint says what to write instead.
	Hint string
}

// Error renders the problem as a diagnostic message: "Msg; Hint [Rule]".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Msg
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s + " [" + e.Rule + "]"
}

// at returns base+off, keeping NoPos when the caller has no position (as
// for text that did not come from a file).
func at(base token.Pos, off int) token.Pos {
	if !base.IsValid() {
		return token.NoPos
	}
	return base + token.Pos(off)
}
