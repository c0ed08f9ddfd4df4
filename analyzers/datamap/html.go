package datamap

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

// HTML writes the map as one self-contained page: inline CSS, no
// scripts, no external resources. Every value is escaped by
// html/template; links to the code are relative to LinkBase or file://.
func (m *Map) HTML(w io.Writer) error {
	t, err := template.New("report").Funcs(template.FuncMap{
		// The links are built by Href from file paths, each segment
		// URL-escaped: trusted, and file:// must not be filtered out.
		"href":   func(l Loc) template.URL { return template.URL(m.Href(l)) },
		"join":   strings.Join,
		"anchor": anchor,
	}).Parse(htmlSource)
	if err != nil {
		return err
	}
	return t.Execute(w, struct {
		*Map
		Sum Summary
	}{m, m.Summary()})
}
