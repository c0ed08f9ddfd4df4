package driver

import (
	"runtime"
	"testing"
)

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

func TestVetGCPercent(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{vetHeapStart, 100},
		{vetLargeHeap - 1, 100},
		{vetLargeHeap, vetLargeGCPercent},
		{4 << 30, vetLargeGCPercent},
	} {
		if got := vetGCPercent(tc.live); got != tc.want {
			t.Errorf("vetGCPercent(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

// TestLiveHeap checks that the runtime metric the tuner reads exists:
// a runtime that renamed it would leave every process at GOGC=100.
func TestLiveHeap(t *testing.T) {
	keep := make([]byte, 8<<20)
	runtime.GC()
	if got := liveHeap(); got < uint64(len(keep)) {
		t.Errorf("liveHeap() = %d after a collection with %d bytes live", got, len(keep))
	}
	runtime.KeepAlive(keep)
}
