package flow

import (
	"fmt"
	"testing"
)

// benchSets builds two label sets of n labels each, half of them shared,
// with field paths as the engine makes them.
func benchSets(in *interner, n int) (taint, taint) {
	var a, b taint
	for i := range n {
		a.add(in.concrete(fmt.Sprintf("user.c%d", i), fmt.Sprintf("F%d", i%7), "T.F", 0, nil))
		b.add(in.concrete(fmt.Sprintf("user.c%d", i+n/2), fmt.Sprintf("F%d", (i+n/2)%7), "T.F", 0, nil))
	}
	return a, b
}

// BenchmarkUnion measures merging two label sets, the engine's innermost
// operation (every instruction of every round merges its operands').
func BenchmarkUnion(b *testing.B) {
	for _, n := range []int{4, 16, 32} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			x, y := benchSets(newInterner(), n)
			b.ReportAllocs()
			for b.Loop() {
				union(x, y)
			}
		})
	}
}

// BenchmarkProject measures reading a field of a value (a load through a
// field address), which projects every label onto the field.
func BenchmarkProject(b *testing.B) {
	in := newInterner()
	x, _ := benchSets(in, 32)
	b.ReportAllocs()
	for b.Loop() {
		in.project(x, "F3")
	}
}

// BenchmarkAddExisting measures adding labels a set already holds: the
// common case once a function's analysis has converged.
func BenchmarkAddExisting(b *testing.B) {
	x, _ := benchSets(newInterner(), 32)
	b.ReportAllocs()
	for b.Loop() {
		y := x
		y.addAll(x)
	}
}
