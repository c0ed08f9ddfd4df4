package driver

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// vetHeapStart is the heap a go vet process grows to before its first
// garbage collection.
//
// go vet starts one process per package, and most of them allocate a few
// tens of megabytes in all (export data, syntax, types, SSA) and exit: the
// collections the runtime would make on the way there (the first at 4 MB,
// then at each doubling) mark the same live data again and again, and
// cost about a quarter of the process's CPU time. Under go vet the process
// therefore collects only once its memory reaches vetHeapStart, and from
// then on as usual (GOGC=100), so a package that needs more memory (the
// runtime, a large generated package) is collected as before after its
// first collection. cmd/compile starts its heap the same way
// (base.AdjustStartingHeap).
//
// A GOGC or GOMEMLIMIT set in the environment is left alone.
const vetHeapStart = 64 << 20

// deferGC applies vetHeapStart to this process.
func deferGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(vetHeapStart)
	afterNextGC(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// afterNextGC calls fn after the next garbage collection: when the
// finalizer of an object that nothing references runs.
func afterNextGC(fn func()) {
	type sentinel [32]byte // too large for the tiny allocator, which would batch it
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { fn() })
}
