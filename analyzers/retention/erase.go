package retention

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/privacyvet/privacyvet/analyzers/internal/marks"
	"github.com/privacyvet/privacyvet/analyzers/internal/report"
)

// deleters are library calls that delete stored data.
var deleters = map[string]bool{
	"os.Remove": true, "os.RemoveAll": true, "os.Truncate": true,
	"(*gorm.io/gorm.DB).Delete": true,
}

// deleterNames are method names that delete, for drivers and caches
// (mongo's DeleteOne, go-redis's Del and Expire, ...).
var deleterNames = []string{"Delete", "Del", "HDel", "Unlink", "Expire", "ExpireAt", "GetDel", "Remove", "Purge", "Erase", "Truncate", "Drop"}

// checkErasers is a weak check of //privacy:erase functions: each must
// reach, in its body or a function of its package it calls, something
// that deletes: a DELETE or UPDATE statement given as a constant to a
// query, a deleting method of a driver or cache, os.Remove, or a call
// into another package whose name says it deletes. It cannot know what
// is deleted, only that something is.
func checkErasers(pass *analysis.Pass, mk *marks.Marks) {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[obj] = fd
				}
			}
		}
	}
	memo := make(map[*types.Func]bool)
	var deletes func(fn *types.Func, depth int) bool
	deletes = func(fn *types.Func, depth int) bool {
		if v, ok := memo[fn]; ok {
			return v
		}
		memo[fn] = false // cycle guard
		fd := decls[fn]
		if fd == nil || depth > 8 {
			return false
		}
		found := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			callee, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			switch {
			case callee == nil:
			case deleters[callee.FullName()]:
				found = true
			case callee.Pkg() == pass.Pkg:
				found = deletes(callee, depth+1)
			case hasDeleterName(callee.Name()):
				found = true
			}
			if !found {
				for _, a := range call.Args {
					if tv, ok := pass.TypesInfo.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
						q := strings.ToUpper(strings.TrimSpace(constant.StringVal(tv.Value)))
						if strings.HasPrefix(q, "DELETE") || strings.HasPrefix(q, "UPDATE") || strings.HasPrefix(q, "TRUNCATE") {
							found = true
						}
					}
				}
			}
			return !found
		})
		memo[fn] = found
		return found
	}
	for fn, fm := range mk.Funcs {
		if len(fm.Erase) == 0 || decls[fn] == nil || deletes(fn, 0) {
			continue
		}
		pos := decls[fn].Name.Pos()
		if mk.Suppressed(pos, "PV402") {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: pos, Category: "PV402", URL: report.URL("PV402"),
			Message: fmt.Sprintf("erase function %s declares %s but never reaches a delete (a DELETE or UPDATE statement, a deleting driver or cache call, os.Remove): the data it claims to erase stays [PV402]",
				fn.Name(), strings.Join(fm.Erase, ", ")),
		})
	}
}

func hasDeleterName(name string) bool {
	for _, p := range deleterNames {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
