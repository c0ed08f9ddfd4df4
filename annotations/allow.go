package annotations

import (
	"go/ast"
	"go/token"
)

// Allows indexes the //privacy:allow directives of one file by the lines
// they cover. An allow covers the line it stands on (a trailing comment
// after the code) and the line below it (an allow on a line of its own,
// above the code), as staticcheck's //lint:ignore does.
type Allows struct {
	file   *token.File
	all    []*Directive
	line   map[*Directive]int   // the line each allow stands on
	byLine map[int][]*Directive // covered line -> allows, in source order
}

// FileAllows reads every //privacy:allow in f, wherever it stands (code
// lines, doc comments, function bodies). Malformed ones (PV901) and ones
// without a reason (PV906) are returned as errors and suppress nothing: a
// suppression must say why. Whether the rule exists (PV905) is for callers,
// who know the rules; All lists what to check.
func FileAllows(fset *token.FileSet, f *ast.File) (*Allows, []*Error) {
	a := &Allows{line: map[*Directive]int{}, byLine: map[int][]*Directive{}}
	if fset == nil || f == nil {
		return a, nil
	}
	start := f.FileStart
	if !start.IsValid() {
		start = f.Pos()
	}
	a.file = fset.File(start)
	if a.file == nil {
		return a, nil
	}
	var errs []*Error
	for _, g := range f.Comments {
		for _, c := range g.List {
			k, d, ok, err := parse(c.Text, c.Slash)
			if !ok || k != Allow {
				continue
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l := a.file.Line(c.Slash)
			a.all = append(a.all, d)
			a.line[d] = l
			a.byLine[l] = append(a.byLine[l], d)
			a.byLine[l+1] = append(a.byLine[l+1], d)
		}
	}
	return a, errs
}

// Suppressed reports whether rule is allowed at pos, and by which directive,
// so that callers can report allows that never suppressed anything. pos
// must be in the file the Allows were read from; elsewhere nothing is
// suppressed. When allows on the line itself and the line above both
// match, the one on the line itself is returned.
func (a *Allows) Suppressed(fset *token.FileSet, pos token.Pos, rule string) (*Directive, bool) {
	if a == nil || a.file == nil || fset == nil || !pos.IsValid() {
		return nil, false
	}
	if fset.File(pos) != a.file {
		return nil, false
	}
	l := a.file.Line(pos)
	var found *Directive
	for _, d := range a.byLine[l] {
		if d.Rule != rule {
			continue
		}
		if a.line[d] == l {
			return d, true
		}
		if found == nil {
			found = d
		}
	}
	return found, found != nil
}

// All returns every well-formed allow directive of the file, in source
// order.
func (a *Allows) All() []*Directive {
	if a == nil {
		return nil
	}
	return a.all
}
