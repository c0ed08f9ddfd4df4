// Package ttl evaluates the expiry of a write: the expiration argument
// of a cache call, a cookie's MaxAge and Expires, the duration parameter
// of a //privacy:sink store function. It reads the SSA form of the
// writing function, and of its package for package-level variables, and
// gives a constant duration only when the code states one; PV401
// compares it with the category's retention.max.
//
// # Kinds
//
//   - Known: a constant duration (OfDuration may give 0 or a negative
//     one: what they mean, such as no expiration for go-redis, is the
//     caller's to say).
//   - None: no expiry (the zero time.Time as Expires).
//   - Session: a cookie with MaxAge 0 and no Expires, kept until the
//     browser closes.
//   - Delete: a cookie with MaxAge < 0, or an Expires that has passed
//     (time.Now() plus a duration <= 0, time.Unix of a constant before
//     2000, time.Date of a constant year before 2000).
//   - Unknown: set to something that is not a constant; Why names its
//     origin ("from parameter ttl", "from field Config.TTL", "parsed
//     from the environment", "set by flag.DurationVar", "relative to a
//     time from field User.CreatedAt").
//
// # What is evaluated
//
// Durations and second counts:
//
//   - constants, typed or not, and arithmetic on them (+, -, *, /, %,
//     negation) with Go's integer and float rules: 24*time.Hour,
//     d*2 with d a constant, time.Duration(n)*time.Second with n a
//     constant, int(d.Seconds()); Duration.Seconds, Minutes, Hours,
//     Milliseconds; Round, Truncate and Abs keep their receiver's value;
//   - time.ParseDuration of a constant, time.Until(t) and t.Sub(now) for
//     a t that OfTime evaluates;
//   - package-level variables: every value the package stores into them
//     (the initialiser in init, and any later assignment); one whose
//     address is handed to a call is Unknown, "set by" that call;
//   - local and captured variables, fields of structs allocated in the
//     function, results of functions of the same package (up to 3 calls
//     deep, without their arguments);
//   - phi nodes: equal values are that value, several positive ones the
//     longest of them; several values of which one is 0 or negative are
//     Unknown ("one of several durations (0s, 1h0m0s)").
//
// Times: time.Now().Add(d) is Known d; time.Now().AddDate(y, m, d) with
// constants is Known y*365 + m*30 + d days; now may be time.Now() or
// its UTC, Local, In, Round or Truncate, held in a variable or not. The
// zero time.Time{} (and an Expires never assigned) is None. A time
// computed from another time (u.CreatedAt.Add(d)) is Unknown, and so is
// a constant date from 2000 on ("a fixed date"): it is not turned into a
// duration from the day of the analysis.
//
// Cookies: an *http.Cookie or http.Cookie allocated in the function (a
// composite literal, a variable with field assignments, a copy of one)
// or returned by a function of the same package. MaxAge > 0 is Known
// MaxAge seconds, MaxAge < 0 is Delete, MaxAge 0 (or never assigned)
// defers to Expires: Known, Delete or Unknown as OfTime says, Session
// when Expires is never assigned or zero. When several values may be
// assigned, the expiry is the first Unknown one, else the one that keeps
// the data longest (Delete < Session < Known < None).
//
// # What is not evaluated
//
//   - Values from parameters, fields of structs the function did not
//     allocate, maps, slices, interface method calls, function values,
//     functions and package-level variables of other packages: Unknown.
//   - Writes made through a pointer by a called function.
//   - Loops that change a duration (d *= 2): Unknown.
//   - Expiry set elsewhere than the write's arguments: redis EXPIRE
//     calls after a SET, TTLs configured on a cache or a table.
//
// # Bounds
//
// A value has at most 8 constant alternatives, nesting is followed 48
// levels deep and function bodies 3 calls deep.
package ttl
