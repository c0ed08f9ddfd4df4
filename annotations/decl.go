package annotations

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Who reports what. Every directive comment in a file falls to exactly one
// of these functions, so a checker that calls all of them (FuncDirectives
// and TypeDirectives on every top-level declaration, FileAllows and
// Misplaced on every file) reports each problem once:
//
//   - FileAllows: every //privacy:allow, wherever it stands.
//   - FuncDirectives: the other directives in a top-level func's doc comment.
//   - TypeDirectives: the other directives in a top-level type's doc comment.
//   - Misplaced: every other directive comment (including unknown ones).
//
// Call them from one analyzer only, or the problems are reported twice.

// FuncDirectives returns the directives in the doc comment of a top-level
// function or method, with errors for malformed ones and for //privacy:data,
// which marks types (PV907). A directive with an error is not returned.
// //privacy:allow is left to FileAllows: it applies to lines, not to the
// function, so it is neither returned nor checked here. How many directives
// of a kind a function may have (two sinks? two purposes?) is for callers.
func FuncDirectives(decl *ast.FuncDecl) ([]*Directive, []*Error) {
	if decl == nil {
		return nil, nil
	}
	name := funcName(decl)
	return readDocs([]*ast.CommentGroup{decl.Doc}, func(k Kind, c *ast.Comment) *Error {
		if k != Data {
			return nil
		}
		return &Error{
			Pos:  c.Slash + token.Pos(len(Prefix)),
			Rule: RuleWrongTarget,
			Msg:  fmt.Sprintf("//privacy:data on func %s: it marks the values of a type, not a function", name),
			Hint: fmt.Sprintf("to mark what %s returns, write //privacy:source with the categories", name),
		}
	})
}

// TypeDirectives returns the directives in the doc comment of a top-level
// type: spec.Doc, and gen.Doc when gen declares that one type only (in
// "type ( A int; B int )" the shared doc belongs to neither, which
// Misplaced reports). Only //privacy:data belongs there; any other kind is
// PV907, and so is //privacy:data on an alias (type E = string), which is
// no type of its own and would mark every value of the aliased type.
// //privacy:allow is left to FileAllows. gen may be nil.
func TypeDirectives(gen *ast.GenDecl, spec *ast.TypeSpec) ([]*Directive, []*Error) {
	if spec == nil {
		return nil, nil
	}
	name := spec.Name.Name
	return readDocs(typeDocs(gen, spec), func(k Kind, c *ast.Comment) *Error {
		pos := c.Slash + token.Pos(len(Prefix))
		switch {
		case k == Data && spec.Assign.IsValid():
			return &Error{
				Pos:  pos,
				Rule: RuleWrongTarget,
				Msg:  fmt.Sprintf("//privacy:data on type alias %s: an alias is not a type of its own, so every %s would be marked", name, types.ExprString(spec.Type)),
				Hint: fmt.Sprintf("declare a defined type: type %s %s (without '=')", name, types.ExprString(spec.Type)),
			}
		case k == Data:
			return nil
		}
		hint := fmt.Sprintf("move it to the doc comment of the function that %s", funcRole[k])
		if k == Source {
			hint = fmt.Sprintf("to mark every value of type %s, write //privacy:data", name)
		}
		return &Error{
			Pos:  pos,
			Rule: RuleWrongTarget,
			Msg:  fmt.Sprintf("//privacy:%s on type %s: it belongs on a function", k, name),
			Hint: hint,
		}
	})
}

// funcRole completes "the function that ..." for each function directive.
var funcRole = map[Kind]string{
	Source:    "returns the data",
	Sanitizer: "cleans the data",
	Sink:      "sends the data out",
	Purpose:   "serves the purpose",
	Consent:   "checks consent",
	Erase:     "erases the data",
}

func typeDocs(gen *ast.GenDecl, spec *ast.TypeSpec) []*ast.CommentGroup {
	docs := []*ast.CommentGroup{spec.Doc}
	if gen != nil && len(gen.Specs) == 1 && gen.Doc != spec.Doc {
		docs = append(docs, gen.Doc)
	}
	return docs
}

// readDocs parses the directives in the comment groups. wrong, given the
// Kind of a directive whose name is known, says whether it is on the wrong
// declaration; that wins over a syntax error in its arguments, since the
// fix is to move or rewrite the line, not to mend it.
func readDocs(groups []*ast.CommentGroup, wrong func(Kind, *ast.Comment) *Error) ([]*Directive, []*Error) {
	var ds []*Directive
	var errs []*Error
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			k, d, ok, err := parse(c.Text, c.Slash)
			if !ok || k == Allow {
				continue
			}
			if k != 0 {
				if e := wrong(k, c); e != nil {
					errs = append(errs, e)
					continue
				}
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			ds = append(ds, d)
		}
	}
	return ds, errs
}

func funcName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name
	}
	t := decl.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	return types.ExprString(t) + "." + decl.Name.Name
}

// place says where a misplaced directive stands and what to do about it.
type place struct {
	where string                             // "on struct field Email", completes "//privacy:data ..."
	hint  func(k Kind, cats []string) string // what to write instead, given the directive
}

// Misplaced reports the directives of a file that no declaration holds, and
// so nothing reads: in a function body (local types and function literals
// cannot be annotated), on a struct field (fields take a privacy tag), on an
// interface method, a var, const or import, in the shared doc of a grouped
// type declaration, after a declaration on its line, in the package doc, or
// floating with a blank line between it and the declaration (PV909). An
// unknown directive there is PV908, since no declaration function sees it.
// //privacy:allow is exempt: it applies to the line it stands on.
func Misplaced(fset *token.FileSet, f *ast.File) []*Error {
	if f == nil || !hasDirective(f) {
		return nil // most files of a program, and all of its dependencies'
	}
	owned := map[*ast.Comment]bool{}
	own := func(g *ast.CommentGroup) {
		if g != nil {
			for _, c := range g.List {
				owned[c] = true
			}
		}
	}
	places := map[*ast.CommentGroup]place{}
	type span struct {
		from, to token.Pos
		name     string
	}
	var bodies []span
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			own(decl.Doc)
			if decl.Body != nil {
				bodies = append(bodies, span{decl.Body.Lbrace, decl.Body.Rbrace, funcName(decl)})
			}
		case *ast.GenDecl:
			genPlaces(decl, own, places)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType:
			for _, fld := range n.Fields.List {
				p := fieldPlace(fld)
				for _, g := range []*ast.CommentGroup{fld.Doc, fld.Comment} {
					if g != nil {
						places[g] = p
					}
				}
			}
		case *ast.InterfaceType:
			for _, fld := range n.Methods.List {
				p := place{"on interface method " + fieldName(fld), func(Kind, []string) string {
					return "annotate the methods that implement it, or list it in the policy file (sources, sinks, sanitizers, consent, erasure)"
				}}
				for _, g := range []*ast.CommentGroup{fld.Doc, fld.Comment} {
					if g != nil {
						places[g] = p
					}
				}
			}
		}
		return true
	})

	var errs []*Error
	for _, g := range f.Comments {
		for _, c := range g.List {
			if owned[c] {
				continue
			}
			k, d, ok, err := parse(c.Text, c.Slash)
			if !ok || k == Allow {
				continue
			}
			if k == 0 {
				errs = append(errs, err)
				continue
			}
			p, found := places[g]
			if !found {
				p = floating
				for _, b := range bodies {
					if b.from < c.Slash && c.Slash < b.to {
						p = place{"inside the body of func " + b.name, func(k Kind, _ []string) string {
							if k == Data {
								return "declare the type at package level, with the directive in its doc comment"
							}
							return fmt.Sprintf("move it to the doc comment of func %s, or of a named function (function literals cannot be annotated)", b.name)
						}}
					}
				}
				if g == f.Doc {
					p = place{"in the package doc comment", func(k Kind, _ []string) string {
						return fmt.Sprintf("move it to the doc comment of the %s it marks", targetWord(k))
					}}
				}
			}
			errs = append(errs, &Error{
				Pos:  c.Slash + token.Pos(len(Prefix)),
				Rule: RuleMisplaced,
				Msg:  fmt.Sprintf("//privacy:%s %s: nothing reads it there", k, p.where),
				Hint: p.hint(k, cats(d)),
			})
		}
	}
	return errs
}

// hasDirective reports whether a comment of f is a //privacy: directive.
func hasDirective(f *ast.File) bool {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, Prefix) {
				return true
			}
		}
	}
	return false
}

func cats(d *Directive) []string {
	if d == nil {
		return nil
	}
	return d.Categories
}

func targetWord(k Kind) string {
	if k == Data {
		return "type"
	}
	return "function"
}

// floating is the place of a directive in no doc comment at all, typically
// one separated from its declaration by a blank line.
var floating = place{"is not in a doc comment", func(k Kind, _ []string) string {
	return fmt.Sprintf("put it in the doc comment directly above the %s it marks, with no blank line between", targetWord(k))
}}

// genPlaces records which comment groups of a top-level GenDecl hold
// directives (owned: the doc of a single type) and where the others stand.
func genPlaces(gen *ast.GenDecl, own func(*ast.CommentGroup), places map[*ast.CommentGroup]place) {
	if gen.Tok == token.TYPE {
		if len(gen.Specs) > 1 && gen.Doc != nil {
			places[gen.Doc] = place{"on a grouped type declaration", func(Kind, []string) string {
				return "put it in the doc comment of the one type it marks, inside the parentheses"
			}}
		}
		for _, s := range gen.Specs {
			spec := s.(*ast.TypeSpec)
			for _, g := range typeDocs(gen, spec) {
				own(g)
			}
			if spec.Comment != nil {
				name := spec.Name.Name
				places[spec.Comment] = place{"after type " + name + " on its line", func(Kind, []string) string {
					return "move it to a line of its own directly above type " + name
				}}
			}
		}
		return
	}
	word := strings.ToLower(gen.Tok.String())
	article := "a "
	if gen.Tok == token.IMPORT {
		article = "an "
	}
	p := place{"on " + article + word + " declaration", func(k Kind, _ []string) string {
		if gen.Tok == token.IMPORT {
			return "directives go in the doc comment of a func or type declaration; for code you cannot annotate, list it in the policy file (sources, sinks, sanitizers, consent, erasure)"
		}
		if k == Data || k == Source {
			return "mark the type of the value with //privacy:data, or its struct fields with privacy tags"
		}
		return fmt.Sprintf("directives go in the doc comment of a func or type declaration; declare the %s as a func", word)
	}}
	if gen.Doc != nil {
		places[gen.Doc] = p
	}
	for _, s := range gen.Specs {
		switch s := s.(type) {
		case *ast.ValueSpec:
			for _, g := range []*ast.CommentGroup{s.Doc, s.Comment} {
				if g != nil {
					places[g] = p
				}
			}
		case *ast.ImportSpec:
			for _, g := range []*ast.CommentGroup{s.Doc, s.Comment} {
				if g != nil {
					places[g] = p
				}
			}
		}
	}
}

func fieldPlace(fld *ast.Field) place {
	return place{"on struct field " + fieldName(fld), func(k Kind, cats []string) string {
		if (k == Data || k == Source) && len(cats) > 0 {
			return `tag the field instead: privacy:"` + strings.Join(cats, ",") + `"`
		}
		if k == Data || k == Source {
			return "tag the field instead: " + tagExample
		}
		return "fields take a privacy struct tag; directives go in the doc comment of a func or type"
	}}
}

func fieldName(fld *ast.Field) string {
	if len(fld.Names) > 0 {
		return fld.Names[0].Name
	}
	return types.ExprString(fld.Type) // embedded
}
