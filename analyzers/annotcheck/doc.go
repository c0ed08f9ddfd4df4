// Package annotcheck defines an Analyzer that reports malformed and
// unresolvable privacy annotations.
//
// # Analyzer annotcheck
//
// annotcheck: report malformed or unknown privacy annotations (PV9xx)
//
// An annotation that privacyvet cannot read or resolve would silently
// weaken every rule, so each one is a finding of its own:
//
//   - PV901: a malformed directive or privacy struct tag (bad syntax,
//     missing arguments, an empty category).
//   - PV902: an unknown category: in neither the built-in taxonomy nor the
//     policy (categories and aliases).
//   - PV903: an unknown purpose in //privacy:purpose or //privacy:consent.
//   - PV904: an unknown recipient in //privacy:sink thirdparty RECIPIENT.
//   - PV905: //privacy:allow of a rule that does not exist.
//   - PV906: //privacy:allow without a reason.
//   - PV907: a directive on the wrong kind of declaration (a sink on a
//     type, data on a function, a consent check that returns neither
//     bool nor error).
//   - PV908: an unknown directive name (//privacy:sinks).
//   - PV909: a directive that is attached to nothing (inside a function
//     body, or floating between declarations).
//
// For example:
//
//	//privacy:sink logs   (PV901: unknown sink kind "logs")
//	//privacy:allow PV101 (PV906: the reason is required)
package annotcheck
