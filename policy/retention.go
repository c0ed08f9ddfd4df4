package policy

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// retentionUnits are the units of a retention duration, largest first.
// A year is 365 days and a week 7: retention promises are counted in
// calendar-ish units, and a fixed length keeps comparisons exact.
var retentionUnits = []struct {
	name string
	d    time.Duration
}{
	{"y", 365 * 24 * time.Hour},
	{"w", 7 * 24 * time.Hour},
	{"d", 24 * time.Hour},
	{"h", time.Hour},
	{"m", time.Minute},
	{"s", time.Second},
}

// ParseRetention parses a retention limit: "account" (kept while the
// account lives), "0" (must not be kept), or a duration made of integer
// amounts with units y (365d), w (7d), d, h, m, s, such as "390d", "12h",
// "2w", "1y" or "1d12h". Units must appear from largest to smallest, each
// at most once, so that a limit reads one way only.
func ParseRetention(s string) (RetentionMax, error) {
	switch s {
	case "account":
		return RetentionMax{Account: true}, nil
	case "0":
		return RetentionMax{}, nil
	case "":
		return RetentionMax{}, errors.New("empty retention")
	}
	var total time.Duration
	next := 0 // index into retentionUnits of the largest unit still allowed
	rest := s
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 {
			return RetentionMax{}, fmt.Errorf("invalid retention %q: expected a number at %q", s, rest)
		}
		n, err := strconv.ParseInt(rest[:i], 10, 64)
		if err != nil {
			return RetentionMax{}, fmt.Errorf("invalid retention %q: number too large", s)
		}
		rest = rest[i:]
		j := 0
		for j < len(rest) && (rest[j] < '0' || rest[j] > '9') {
			j++
		}
		unit := rest[:j]
		rest = rest[j:]
		if unit == "" {
			return RetentionMax{}, fmt.Errorf("invalid retention %q: missing unit after %d", s, n)
		}
		k := next
		for k < len(retentionUnits) && retentionUnits[k].name != unit {
			k++
		}
		if k == len(retentionUnits) {
			for _, u := range retentionUnits {
				if u.name == unit {
					return RetentionMax{}, fmt.Errorf("invalid retention %q: units must go from largest to smallest, each once", s)
				}
			}
			return RetentionMax{}, fmt.Errorf("invalid retention %q: unknown unit %q (use y, w, d, h, m or s)", s, unit)
		}
		next = k + 1
		u := retentionUnits[k].d
		if n > int64(math.MaxInt64/u) || total > math.MaxInt64-time.Duration(n)*u {
			return RetentionMax{}, fmt.Errorf("invalid retention %q: too long", s)
		}
		total += time.Duration(n) * u
	}
	return RetentionMax{Duration: total}, nil
}

// String formats m the way ParseRetention reads it: "account", "0", or
// days, hours, minutes and seconds ("390d", "1d12h").
func (m RetentionMax) String() string {
	if m.Account {
		return "account"
	}
	if m.Duration <= 0 {
		return "0"
	}
	var b strings.Builder
	rest := m.Duration
	for _, u := range retentionUnits[2:] { // d h m s: exact, unlike y and w in prose
		if n := rest / u.d; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			rest -= n * u.d
		}
	}
	if rest > 0 {
		fmt.Fprintf(&b, "%dns", rest)
	}
	return b.String()
}

// Allows reports whether keeping data for d stays within m. Data kept for
// the account's life has no fixed limit, so any d is within it (whether an
// erase path exists is a separate question, PV402's).
func (m RetentionMax) Allows(d time.Duration) bool {
	return m.Account || d <= m.Duration
}
