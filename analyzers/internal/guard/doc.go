// Package guard finds consent checks in a function and tells, for every
// instruction, which purposes they guarantee there. It works on one SSA
// function at a time and knows nothing of directives or policies: an
// Oracle says which calls are consent checks.
//
// # Consent checks
//
// A consent check is a call to a function marked //privacy:consent
// PURPOSE, or named in the policy's consent entries. It has one of two
// shapes: a bool result, where true means the program may proceed, or an
// error result, where nil means it may proceed. A function with several
// results is decided by its last bool result (bool shape) or its last
// error result (error shape), as in (value, ok) and (result, err).
//
// # What "guarded" means
//
// An instruction is guarded by purpose P when, on every path from the
// function's entry to it, a check for P was called and succeeded
// (returned true, or a nil error), and the path could only have come
// that way because it succeeded: it went through a branch that tests the
// check's result, on the side that the result allows only on success.
// A sink serving purpose S is guarded when it is guarded by S or by a
// parent of S: a check for "marketing" guards a sink serving
// "marketing.communications.email", but a check for
// "marketing.communications.email" does not guard a sink serving
// "marketing", and a check for "analytics" guards neither.
//
// The branches that tell a check succeeded:
//
//   - if ok { ... } guards its body; if !ok { return } guards what
//     follows, and so does if !ok { panic(...) } or a call to os.Exit,
//     runtime.Goexit, log.Fatal or log.Panic (and their f and ln forms);
//   - if err != nil { return } guards what follows, if err == nil { ... }
//     guards its body, and so does nil == err; so do comparisons of a
//     bool result with true or false;
//   - a && b guards what needs both; a || b guards nothing by itself,
//     but if !ok || x { return } guards what follows;
//   - switch { case ok: ... } and switch ok { case true: ... } guard
//     their cases like the equivalent if chains;
//   - a result kept in a variable and tested later is the same value,
//     and so is one kept through a negation (x := !ok), a condition
//     (x := ok && y), a variable assigned in some branches (it guards
//     only if every assignment that can make it true, or nil, does), a
//     flag set after a successful check (ok := false; for ... { if
//     PromoAllowed(id) { ok = true } }), and a variable captured by a
//     closure that is assigned once and that the closure only reads.
//
// A check whose result is used otherwise (handed to a function, stored
// in a field or a global, compared with a value that is not a constant)
// decides nothing. A check on one branch of an if does not guard the
// code after the two branches meet. A check before a loop guards the
// loop's body; a check inside a loop body guards only what its own
// branch leads to, and the code after the loop only if every way out of
// the loop passes through that branch (for !ok() { ... }).
//
// Code that cannot run (the body of if false { ... }, or code reached
// only through it) is guarded by nothing.
//
// Function literals: the body of a function literal, including
// go func(){ ... }() and defer func(){ ... }(), is a function of its own
// and is not guarded by the checks of the function that creates it.
// Whether the literal is created only after a check is answered by the
// guards at the instruction that creates it (the go, defer or call
// statement, or the closure).
//
// # Ignored and propagated results
//
// A check whose result decides no branch and is not returned is
// ignored: its result is discarded, assigned to _, or only logged,
// stored or handed to a function; a check in a go or defer statement is
// always ignored. A check whose result flows to a return statement
// (directly, negated, compared with a constant or through a variable)
// is propagated: the function hands the decision to its caller.
//
// A function is a check of its own for P when its last bool result (or,
// if it has none, its last error result) can report success (true, nil)
// only after a check for P succeeded: on every return that can report
// success, either the returned value is a successful check's result or
// the return is guarded by P. So are
// func allowed(id int) bool { return PromoAllowed(id) }, a function that
// returns false when the check fails and true at its end, and one that
// returns fmt.Errorf("...: %w", err) when the check fails and nil at its
// end.
//
// # Limits
//
// The analysis is intraprocedural. Results that travel through memory
// (struct fields, pointers, globals, channels, variables assigned more
// than once and captured by a closure) are not followed, nor are results
// handed to another function that tests them. Calls that do not return
// are known only from the short list above. A returned error is known to
// be non-nil only when it is made by fmt.Errorf, errors.New or a
// conversion of a concrete value to an interface; a sentinel error
// variable (return ErrNoConsent) might be nil as far as this analysis
// knows. Recovered panics are not followed: code run after a recover is
// guarded by nothing.
package guard
