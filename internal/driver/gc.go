package driver

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
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

// A go vet run's peak memory is that of its largest process: the package
// with the most code (modernc.org/sqlite/lib's 200k lines of transpiled
// C, in gogs's dependencies). There the engine's SSA and state add about
// half again to the live heap of the type check, and at GOGC=100 the heap
// grows to twice the live heap before each collection. So a process whose
// live heap passes vetLargeHeap collects at vetLargeGCPercent: on
// sqlite/lib the peak falls from 900 MiB to 730-770 MiB, about what plain
// go vet takes for the package. The price is more collections, which run
// mostly on the core that the other processes, done by then, leave idle.
// The hundreds of small processes, which do not set the peak, keep
// GOGC=100 and spend nothing more (docs/performance.md).
const (
	vetLargeHeap      = 256 << 20
	vetLargeGCPercent = 60
)

// deferGC applies vetHeapStart, then vetLargeHeap, to this process.
func deferGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(vetHeapStart)
	afterNextGC(func() {
		debug.SetMemoryLimit(math.MaxInt64)
		tuneVetGC(-1)
	})
}

// tuneVetGC sets the GOGC for the live heap the last collection left
// (cur is the value set so far), and again after each collection.
func tuneVetGC(cur int) {
	pct := vetGCPercent(liveHeap())
	if pct != cur {
		debug.SetGCPercent(pct)
	}
	afterNextGC(func() { tuneVetGC(pct) })
}

// vetGCPercent is the GOGC of a go vet process whose live heap is live
// bytes.
func vetGCPercent(live uint64) int {
	if live >= vetLargeHeap {
		return vetLargeGCPercent
	}
	return 100
}

// liveHeap returns the bytes of heap the last collection marked live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// afterNextGC calls fn after the next garbage collection: when the
// finalizer of an object that nothing references runs.
func afterNextGC(fn func()) {
	type sentinel [32]byte // too large for the tiny allocator, which would batch it
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { fn() })
}

// checkerGCPercent is the GOGC of the standalone checker and of report.
//
// The standalone checker loads every package, the standard library's
// included, with syntax and types, and keeps them until the end: after
// loading, the live heap is about the type check's whole peak (1 GB on
// the 800-package module), and the analysis then allocates two to three
// times that again in short-lived SSA and label sets. Each collection
// marks the whole live heap, so at GOGC=100 the collector took a third of
// the checker's CPU time. At 200 it collects half as often: the checker
// runs about a quarter faster and its peak memory grows by about a third
// (docs/performance.md has the figures).
const checkerGCPercent = 200

// widenGC applies checkerGCPercent to this process, bounded by a soft
// memory limit of half the memory the process may use (the cgroup's limit
// or the machine's memory, when known), so that on a small machine the
// collector works harder rather than the process running out of memory.
// A GOGC or GOMEMLIMIT set in the environment is left alone.
func widenGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(checkerGCPercent)
	if total := availableMemory(); total > 0 {
		debug.SetMemoryLimit(total / 2)
	}
}

// availableMemory returns the bytes of memory the process may use on
// Linux: the smaller of the cgroup's limit and the machine's memory; 0
// when neither can be read.
func availableMemory() int64 {
	var total int64
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		total = memInfoTotal(string(b))
	}
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n // "max" (no limit) does not parse
		}
	}
	return total
}

// memInfoTotal reads MemTotal, in bytes, from the text of /proc/meminfo.
func memInfoTotal(meminfo string) int64 {
	for line := range strings.Lines(meminfo) {
		rest, ok := strings.CutPrefix(line, "MemTotal:")
		if !ok {
			continue
		}
		kb, ok := strings.CutSuffix(strings.TrimSpace(rest), " kB")
		if !ok {
			return 0
		}
		n, err := strconv.ParseInt(strings.TrimSpace(kb), 10, 64)
		if err != nil || n <= 0 {
			return 0
		}
		return n << 10
	}
	return 0
}
