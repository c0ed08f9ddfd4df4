package driver

import "testing"

func TestMemInfoTotal(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int64
	}{
		{"linux", "MemTotal:       24570232 kB\nMemFree:         1000 kB\n", 24570232 << 10},
		{"not first", "Foo: 1 kB\nMemTotal: 2048 kB\n", 2048 << 10},
		{"absent", "MemFree: 10 kB\n", 0},
		{"no unit", "MemTotal: 2048\n", 0},
		{"garbage", "MemTotal: lots kB\n", 0},
		{"zero", "MemTotal: 0 kB\n", 0},
		{"empty", "", 0},
	} {
		if got := memInfoTotal(tc.text); got != tc.want {
			t.Errorf("%s: memInfoTotal = %d, want %d", tc.name, got, tc.want)
		}
	}
}
