package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// A unit is one declaration group of a package (a type with its
// constructor, a method, a handler): the grain at which packages are
// filled up to their size and leaks are planted.
type unit struct {
	file string // base name of the file it goes to
	rule string // the rule its planted variant breaks; "" if it has none
	must bool   // emitted whatever the size
	late bool   // rendered after the others (must units only): it lists them
	// render returns the unit's source. With planted set, one line of it
	// leaks and carries a PLANTED marker.
	render func(planted bool) string
}

// gen is the state of one package's generation.
type gen struct {
	p *plan
	q *pkg
	r *rand.Rand
}

func (p *plan) render(q *pkg) (map[string][]byte, int, error) {
	g := &gen{p: p, q: q, r: rand.New(rand.NewPCG(p.cfg.Seed, q.seed))}
	var units []unit
	doc := ""
	switch q.layer {
	case layerModel:
		units, doc = g.modelUnits()
	case layerKit:
		units, doc = g.kitUnits()
	case layerStore:
		units, doc = g.storeUnits()
	case layerService:
		units, doc = g.serviceUnits()
	case layerAPI:
		units, doc = g.apiUnits()
	case layerCmd:
		units, doc = g.cmdUnits()
	}
	files, plants := g.fill(units, doc)
	out, err := assemble(q, files)
	return out, plants, err
}

// fill chooses the package's units: the ones it must have, one planting
// each leak the plan gave the package, then others at random until the
// package reaches its size. Units keep their declared order, so that
// types come before the methods that use them, as a person writes them.
func (g *gen) fill(units []unit, doc string) ([]*gofile, int) {
	target := targetLines - 60 + g.r.IntN(121)
	if g.q.layer == layerCmd {
		target = 0 // a main package is as long as its wiring
	}
	// The plan says which rules to plant; any unit that can plant the rule
	// will do.
	planted := make(map[int]bool)
	for _, rule := range g.q.plants {
		var free []int
		for i, u := range units {
			if u.rule == rule && !planted[i] {
				free = append(free, i)
			}
		}
		if len(free) == 0 {
			panic("gensynth: " + g.q.path + " has no unit left to plant " + rule + "; plantable() is out of date")
		}
		planted[pick(g.r, free)] = true
	}
	chosen := make(map[int]string)
	size := 0
	take := func(i int) {
		src := units[i].render(planted[i])
		chosen[i] = src
		size += lines(src) + 1
	}
	for i, u := range units {
		if (u.must || planted[i]) && !u.late {
			take(i)
		}
	}
	for _, i := range g.r.Perm(len(units)) {
		if size >= target {
			break
		}
		if _, ok := chosen[i]; !ok && !units[i].late {
			take(i)
		}
	}
	for i, u := range units {
		if u.late {
			take(i)
		}
	}

	byName := make(map[string]*gofile)
	var files []*gofile
	for i, u := range units {
		src, ok := chosen[i]
		if !ok {
			continue
		}
		f := byName[u.file]
		if f == nil {
			f = &gofile{name: u.file}
			byName[u.file] = f
			files = append(files, f)
		}
		f.body.WriteString(src)
		f.body.WriteString("\n")
	}
	slices.SortFunc(files, func(a, b *gofile) int { return strings.Compare(a.name, b.name) })
	// The package doc goes on the file named after the package when there
	// is one, else on the first.
	docFile := files[0]
	for _, f := range files {
		if f.name == g.q.name+".go" || f.name == "main.go" {
			docFile = f
		}
	}
	docFile.doc = doc
	return files, len(planted)
}

// entityVars are the template keys every entity unit may use.
func entityVars(e *entity) vars {
	article := "a "
	if strings.ContainsRune("AEIOU", rune(e.Name[0])) {
		article = "an "
	}
	return vars{
		"ae": article + lower(e.Name),
		"M":  e.model.name, "E": e.Name, "Es": e.Plural, "e": lower(e.Name), "es": lower(e.Plural),
		"T": e.Table, "EMAIL": e.Email, "FULL": e.Full, "PHONE": e.Phone, "IP": e.IP,
	}
}

// synthNote ends every package doc: the code is a benchmark fixture.
func synthNote(seed uint64) string {
	return fmt.Sprintf("\nThis package is synthetic: gensynth generated it (seed %d) to benchmark privacyvet.\nLines marked PLANTED are leaks privacyvet must report; everything else must stay clean.\n", seed)
}
