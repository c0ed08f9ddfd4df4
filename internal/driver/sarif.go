package driver

import (
	"encoding/json"
	"go/token"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/privacyvet/privacyvet/analyzers"
)

// SARIF 2.1.0 (OASIS), the parts privacyvet writes. docs/sarif.md
// describes the output.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifSrcRoot = "SRCROOT" // the uriBaseId of paths relative to the source root
	toolInfoURI  = "https://github.com/privacyvet/privacyvet"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"` // [] (not absent) when nothing was found
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     sarifText           `json:"shortDescription"`
	FullDescription      sarifText           `json:"fullDescription"`
	Help                 sarifText           `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig     `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags []string `json:"tags"`
}

// sarifText is a message or a multiformatMessageString.
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"` // 0 is an index: a pointer, not omitempty on int
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	CodeFlows           []sarifCodeFlow   `json:"codeFlows,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	ID               int                    `json:"id,omitempty"` // related locations count from 1
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *sarifText             `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLocation `json:"locations"`
}

type sarifThreadFlowLocation struct {
	Location sarifLocation `json:"location"`
}

// sarifOptions are what a SARIF log needs besides the findings.
type sarifOptions struct {
	root         string   // absolute source root: URIs are relative to it
	toolVersion  string   // the driver's version
	fingerprints []string // one per finding, as fingerprints returns them
	successful   bool     // every package loaded and was analysed
}

// buildSARIF converts findings to a SARIF log of one run.
func buildSARIF(findings []Finding, opts sarifOptions, src sources) *sarifLog {
	rules := sarifRules()
	index := make(map[string]int, len(rules))
	for i, r := range rules {
		index[r.ID] = i
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "privacyvet",
			InformationURI: toolInfoURI,
			Version:        opts.toolVersion,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: opts.successful}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			sarifSrcRoot: {URI: fileURI(strings.TrimSuffix(filepath.ToSlash(opts.root), "/") + "/")},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	for i := range findings {
		f := &findings[i]
		id := ruleID(f)
		res := sarifResult{
			RuleID:    id,
			Level:     "warning",
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: physical(opts.root, f.Pos, f.End, src)}},
		}
		if n, ok := index[id]; ok {
			res.RuleIndex = &n
			res.Level = rules[n].DefaultConfiguration.Level
		}
		if i < len(opts.fingerprints) {
			res.PartialFingerprints = map[string]string{fingerprintKey: opts.fingerprints[i]}
		}
		var flow []sarifThreadFlowLocation
		for j, r := range f.Related {
			loc := sarifLocation{PhysicalLocation: physical(opts.root, r.Pos, token.Position{}, src), Message: &sarifText{Text: r.Message}}
			flow = append(flow, sarifThreadFlowLocation{Location: loc})
			loc.ID = j + 1
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		if len(flow) > 0 {
			res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: flow}}}}
		}
		run.Results = append(run.Results, res)
	}
	return &sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// physical is a position (and the end of its range, when known and in
// the same file) as a SARIF physical location; columns are counted in
// UTF-16 code units, the end column is the one after the range.
func physical(root string, pos, end token.Position, src sources) *sarifPhysicalLocation {
	loc := locate(root, pos.Filename)
	art := sarifArtifactLocation{URI: loc.uri()}
	if loc.under {
		art.URIBaseID = sarifSrcRoot
	}
	p := &sarifPhysicalLocation{ArtifactLocation: art}
	if pos.Line < 1 {
		return p
	}
	r := &sarifRegion{StartLine: pos.Line}
	if pos.Column >= 1 {
		r.StartColumn = src.utf16Column(pos)
	}
	if r.StartColumn >= 1 && end.Filename == pos.Filename && end.Line >= pos.Line && end.Column >= 1 {
		r.EndLine = end.Line
		r.EndColumn = src.utf16Column(end)
		if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
			r.EndLine, r.EndColumn = 0, 0
		}
	}
	p.Region = r
	return p
}

// writeSARIF writes the log as indented JSON.
func writeSARIF(w io.Writer, log *sarifLog) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRules describes every rule id of the suite, in id order.
func sarifRules() []sarifRule {
	owners := analyzers.RuleOwners()
	var out []sarifRule
	for _, r := range analyzers.Rules() {
		uri := analyzers.DocsURL + "#" + strings.ToLower(r.ID)
		owner := owners[r.ID]
		level := r.Level
		switch level {
		case "error", "warning", "note", "none":
		default:
			level = "warning"
		}
		out = append(out, sarifRule{
			ID:               r.ID,
			Name:             owner,
			ShortDescription: sarifText{Text: r.Title},
			FullDescription: sarifText{Text: sentence(r.Title) + " Reported by privacyvet's " + owner +
				" analyzer; the rule's documentation says when, and how to fix or suppress a finding."},
			Help: sarifText{
				Text:     r.ID + ": " + r.Title + ". Documentation: " + uri,
				Markdown: "**" + r.ID + "**: " + r.Title + ". See [" + r.ID + " in docs/rules.md](" + uri + ").",
			},
			HelpURI:              uri,
			DefaultConfiguration: sarifRuleConfig{Level: level},
			Properties:           sarifRuleProperties{Tags: []string{"privacy", owner}},
		})
	}
	return out
}

// sentence capitalises a title and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
