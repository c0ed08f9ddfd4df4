package driver

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
)

// validateSARIF checks a SARIF log against the rules of the SARIF 2.1.0
// JSON schema (OASIS, sarif-schema-2.1.0.json) that privacyvet's output
// touches, and a few rules of the specification's text that code-scanning
// services enforce. It is a hand-written stand-in for the schema, which is
// not vendored here: required properties, no properties the schema does
// not define (it sets additionalProperties: false on every object), types,
// enumerations, minimums and minItems, and the cross-references (ruleIndex
// to rules, uriBaseId to originalUriBaseIds). It returns one message per
// violation, each starting with the JSON path.
func validateSARIF(data []byte) []string {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	v := &sarifValidator{}
	v.log(doc)
	return v.errs
}

type sarifValidator struct {
	errs []string
	// per run
	rules   []string        // the driver's rule ids, by index
	baseIDs map[string]bool // the run's originalUriBaseIds
}

func (v *sarifValidator) errf(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

// Property names the schema allows, per definition (only those whose
// objects privacyvet writes; the others are not looked into).
var sarifProps = map[string][]string{
	"sarifLog":                 {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
	"run":                      {"addresses", "artifacts", "automationDetails", "baselineGuid", "columnKind", "conversion", "defaultEncoding", "defaultSourceLanguage", "externalPropertyFileReferences", "graphs", "invocations", "language", "logicalLocations", "newlineSequences", "originalUriBaseIds", "policies", "properties", "redactionTokens", "results", "runAggregates", "specialLocations", "taxonomies", "threadFlowLocations", "tool", "translations", "versionControlProvenance", "webRequests", "webResponses"},
	"tool":                     {"driver", "extensions", "properties"},
	"toolComponent":            {"associatedComponent", "contents", "dottedQuadFileVersion", "downloadUri", "fullDescription", "fullName", "globalMessageStrings", "guid", "informationUri", "isComprehensive", "language", "localizedDataSemanticVersion", "locations", "minimumRequiredLocalizedDataSemanticVersion", "name", "notifications", "organization", "product", "productSuite", "properties", "releaseDateUtc", "rules", "semanticVersion", "shortDescription", "supportedTaxonomies", "taxa", "translationMetadata", "version"},
	"reportingDescriptor":      {"defaultConfiguration", "deprecatedGuids", "deprecatedIds", "deprecatedNames", "fullDescription", "guid", "help", "helpUri", "id", "messageStrings", "name", "properties", "relationships", "shortDescription"},
	"reportingConfiguration":   {"enabled", "level", "parameters", "properties", "rank"},
	"multiformatMessageString": {"markdown", "properties", "text"},
	"message":                  {"arguments", "id", "markdown", "properties", "text"},
	"invocation":               {"account", "arguments", "commandLine", "endTimeUtc", "environmentVariables", "executableLocation", "executionSuccessful", "exitCode", "exitCodeDescription", "exitSignalName", "exitSignalNumber", "machine", "notificationConfigurationOverrides", "processId", "processStartFailureMessage", "properties", "responseFiles", "ruleConfigurationOverrides", "startTimeUtc", "stderr", "stdin", "stdout", "stdoutStderr", "toolConfigurationNotifications", "toolExecutionNotifications", "workingDirectory"},
	"result":                   {"analysisTarget", "attachments", "baselineState", "codeFlows", "correlationGuid", "fingerprints", "fixes", "graphTraversals", "graphs", "guid", "hostedViewerUri", "kind", "level", "locations", "message", "occurrenceCount", "partialFingerprints", "properties", "provenance", "rank", "relatedLocations", "rule", "ruleId", "ruleIndex", "stacks", "suppressions", "taxa", "webRequest", "webResponse", "workItemUris"},
	"location":                 {"annotations", "id", "logicalLocations", "message", "physicalLocation", "properties", "relationships"},
	"physicalLocation":         {"address", "artifactLocation", "contextRegion", "properties", "region"},
	"artifactLocation":         {"description", "index", "properties", "uri", "uriBaseId"},
	"region":                   {"byteLength", "byteOffset", "charLength", "charOffset", "endColumn", "endLine", "message", "properties", "snippet", "sourceLanguage", "startColumn", "startLine"},
	"codeFlow":                 {"message", "properties", "threadFlows"},
	"threadFlow":               {"id", "immutableState", "initialState", "locations", "message", "properties"},
	"threadFlowLocation":       {"executionOrder", "executionTimeUtc", "importance", "index", "kinds", "location", "module", "nestingLevel", "properties", "stack", "state", "taxa", "webRequest", "webResponse"},
}

var (
	sarifLevels      = []string{"none", "note", "warning", "error"}
	sarifKinds       = []string{"notApplicable", "pass", "fail", "review", "open", "informational"}
	sarifColumnKinds = []string{"utf16CodeUnits", "unicodeCodePoints"}
)

// object checks that x is an object of the definition def, with the
// required properties, and returns it.
func (v *sarifValidator) object(path string, x any, def string, required ...string) map[string]any {
	m, ok := x.(map[string]any)
	if !ok {
		v.errf(path, "a %s must be an object, not %T", def, x)
		return nil
	}
	allowed := sarifProps[def]
	for k := range m {
		if !slices.Contains(allowed, k) {
			v.errf(path, "property %q is not defined for a %s", k, def)
		}
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			v.errf(path, "required property %q of a %s is missing", k, def)
		}
	}
	return m
}

func (v *sarifValidator) array(path string, x any, minItems int) []any {
	a, ok := x.([]any)
	if !ok {
		v.errf(path, "must be an array, not %T", x)
		return nil
	}
	if len(a) < minItems {
		v.errf(path, "must have at least %d item(s), has %d", minItems, len(a))
	}
	return a
}

func (v *sarifValidator) str(path string, x any) (string, bool) {
	s, ok := x.(string)
	if !ok {
		v.errf(path, "must be a string, not %T", x)
	}
	return s, ok
}

func (v *sarifValidator) integer(path string, x any, minimum int) (int, bool) {
	f, ok := x.(float64)
	if !ok || f != math.Trunc(f) {
		v.errf(path, "must be an integer, not %v", x)
		return 0, false
	}
	if int(f) < minimum {
		v.errf(path, "%d is less than the minimum %d", int(f), minimum)
	}
	return int(f), true
}

func (v *sarifValidator) enum(path string, x any, values []string) {
	if s, ok := v.str(path, x); ok && !slices.Contains(values, s) {
		v.errf(path, "%q is not one of %v", s, values)
	}
}

// uri checks format "uri" (absolute) or, when !absolute, "uri-reference".
func (v *sarifValidator) uri(path string, x any, absolute bool) {
	s, ok := v.str(path, x)
	if !ok {
		return
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		v.errf(path, "not a URI: %v", err)
	case absolute && u.Scheme == "":
		v.errf(path, "%q is not an absolute URI", s)
	case strings.ContainsAny(s, " \\"):
		v.errf(path, "%q has characters a URI may not hold unescaped", s)
	}
}

func (v *sarifValidator) log(doc any) {
	m := v.object("$", doc, "sarifLog", "version", "runs")
	if m == nil {
		return
	}
	if s, ok := m["$schema"]; ok {
		v.uri("$.$schema", s, true)
		if str, _ := s.(string); !strings.Contains(str, "2.1.0") {
			v.errf("$.$schema", "%q is not a SARIF 2.1.0 schema", str)
		}
	} else {
		v.errf("$", "no $schema: code-scanning services and editors use it to recognise the log")
	}
	if x, ok := m["version"]; ok {
		v.enum("$.version", x, []string{"2.1.0"})
	}
	if x, ok := m["runs"]; ok {
		for i, r := range v.array("$.runs", x, 0) {
			v.run(fmt.Sprintf("$.runs[%d]", i), r)
		}
	}
}

func (v *sarifValidator) run(path string, x any) {
	m := v.object(path, x, "run", "tool")
	if m == nil {
		return
	}
	v.rules, v.baseIDs = nil, map[string]bool{}
	if bases, ok := m["originalUriBaseIds"]; ok {
		bm, ok := bases.(map[string]any)
		if !ok {
			v.errf(path+".originalUriBaseIds", "must be an object")
		}
		for k, b := range bm {
			p := path + ".originalUriBaseIds." + k
			v.baseIDs[k] = true
			al := v.object(p, b, "artifactLocation")
			if u, ok := al["uri"].(string); ok {
				if !strings.HasSuffix(u, "/") {
					v.errf(p+".uri", "%q must end with a slash (SARIF §3.14.14)", u)
				}
				if _, hasBase := al["uriBaseId"]; !hasBase {
					v.uri(p+".uri", u, true)
				}
			}
		}
	}
	if tool := v.object(path+".tool", m["tool"], "tool", "driver"); tool != nil {
		v.driver(path+".tool.driver", tool["driver"])
	}
	if ck, ok := m["columnKind"]; ok {
		v.enum(path+".columnKind", ck, sarifColumnKinds)
	}
	if inv, ok := m["invocations"]; ok {
		for i, x := range v.array(path+".invocations", inv, 0) {
			p := fmt.Sprintf("%s.invocations[%d]", path, i)
			if im := v.object(p, x, "invocation", "executionSuccessful"); im != nil {
				if _, ok := im["executionSuccessful"].(bool); !ok && im["executionSuccessful"] != nil {
					v.errf(p+".executionSuccessful", "must be a boolean")
				}
			}
		}
	}
	if res, ok := m["results"]; ok {
		for i, r := range v.array(path+".results", res, 0) {
			v.result(fmt.Sprintf("%s.results[%d]", path, i), r)
		}
	}
}

func (v *sarifValidator) driver(path string, x any) {
	m := v.object(path, x, "toolComponent", "name")
	if m == nil {
		return
	}
	if name, ok := v.str(path+".name", m["name"]); ok && name == "" {
		v.errf(path+".name", "is empty")
	}
	for _, k := range []string{"informationUri", "downloadUri"} {
		if u, ok := m[k]; ok {
			v.uri(path+"."+k, u, true)
		}
	}
	rules, ok := m["rules"]
	if !ok {
		return
	}
	seen := map[string]bool{}
	for i, r := range v.array(path+".rules", rules, 0) {
		p := fmt.Sprintf("%s.rules[%d]", path, i)
		rm := v.object(p, r, "reportingDescriptor", "id")
		id, _ := rm["id"].(string)
		if rm != nil {
			if _, ok := v.str(p+".id", rm["id"]); ok && seen[id] {
				v.errf(p+".id", "rule id %q appears twice", id)
			}
		}
		seen[id] = true
		v.rules = append(v.rules, id)
		for _, k := range []string{"shortDescription", "fullDescription", "help"} {
			if d, ok := rm[k]; ok {
				if dm := v.object(p+"."+k, d, "multiformatMessageString", "text"); dm != nil {
					v.str(p+"."+k+".text", dm["text"])
				}
			}
		}
		if u, ok := rm["helpUri"]; ok {
			v.uri(p+".helpUri", u, true)
		}
		if c, ok := rm["defaultConfiguration"]; ok {
			if cm := v.object(p+".defaultConfiguration", c, "reportingConfiguration"); cm != nil {
				if l, ok := cm["level"]; ok {
					v.enum(p+".defaultConfiguration.level", l, sarifLevels)
				}
			}
		}
	}
}

func (v *sarifValidator) result(path string, x any) {
	m := v.object(path, x, "result", "message")
	if m == nil {
		return
	}
	if msg := v.object(path+".message", m["message"], "message", "text"); msg != nil {
		if s, ok := v.str(path+".message.text", msg["text"]); ok && s == "" {
			v.errf(path+".message.text", "is empty")
		}
	}
	ruleID, hasID := m["ruleId"].(string)
	if x, ok := m["ruleId"]; ok {
		v.str(path+".ruleId", x)
	}
	if x, ok := m["ruleIndex"]; ok {
		if i, ok := v.integer(path+".ruleIndex", x, -1); ok && i >= 0 {
			switch {
			case i >= len(v.rules):
				v.errf(path+".ruleIndex", "%d is out of range: the driver has %d rules", i, len(v.rules))
			case hasID && v.rules[i] != ruleID:
				v.errf(path+".ruleIndex", "%d is rule %q, but ruleId is %q", i, v.rules[i], ruleID)
			}
		}
	}
	if l, ok := m["level"]; ok {
		v.enum(path+".level", l, sarifLevels)
	}
	if k, ok := m["kind"]; ok {
		v.enum(path+".kind", k, sarifKinds)
	}
	if locs, ok := m["locations"]; ok {
		for i, l := range v.array(path+".locations", locs, 0) {
			v.location(fmt.Sprintf("%s.locations[%d]", path, i), l)
		}
	}
	if rel, ok := m["relatedLocations"]; ok {
		ids := map[int]bool{}
		for i, l := range v.array(path+".relatedLocations", rel, 0) {
			p := fmt.Sprintf("%s.relatedLocations[%d]", path, i)
			v.location(p, l)
			if lm, ok := l.(map[string]any); ok {
				if id, ok := lm["id"].(float64); ok && id >= 0 {
					if ids[int(id)] {
						v.errf(p+".id", "%v is the id of another related location", id)
					}
					ids[int(id)] = true
				}
			}
		}
	}
	if flows, ok := m["codeFlows"]; ok {
		for i, f := range v.array(path+".codeFlows", flows, 0) {
			p := fmt.Sprintf("%s.codeFlows[%d]", path, i)
			fm := v.object(p, f, "codeFlow", "threadFlows")
			if fm == nil || fm["threadFlows"] == nil {
				continue
			}
			for j, t := range v.array(p+".threadFlows", fm["threadFlows"], 1) {
				tp := fmt.Sprintf("%s.threadFlows[%d]", p, j)
				tm := v.object(tp, t, "threadFlow", "locations")
				if tm == nil || tm["locations"] == nil {
					continue
				}
				for k, tl := range v.array(tp+".locations", tm["locations"], 1) {
					lp := fmt.Sprintf("%s.locations[%d]", tp, k)
					if tlm := v.object(lp, tl, "threadFlowLocation"); tlm != nil {
						if loc, ok := tlm["location"]; ok {
							v.location(lp+".location", loc)
						} else {
							v.errf(lp, "a thread flow location without a location")
						}
					}
				}
			}
		}
	}
	if fp, ok := m["partialFingerprints"]; ok {
		fm, ok := fp.(map[string]any)
		if !ok {
			v.errf(path+".partialFingerprints", "must be an object")
		}
		for k, val := range fm {
			if s, ok := v.str(path+".partialFingerprints."+k, val); ok && s == "" {
				v.errf(path+".partialFingerprints."+k, "is empty")
			}
		}
	}
}

// location also checks that a location says something: a physical
// location or a message.
func (v *sarifValidator) location(path string, x any) {
	m := v.object(path, x, "location")
	if m == nil {
		return
	}
	if id, ok := m["id"]; ok {
		v.integer(path+".id", id, -1)
	}
	_, hasPhys := m["physicalLocation"]
	_, hasMsg := m["message"]
	if !hasPhys && !hasMsg {
		v.errf(path, "a location with neither a physicalLocation nor a message")
	}
	if msg, ok := m["message"]; ok {
		if mm := v.object(path+".message", msg, "message", "text"); mm != nil {
			v.str(path+".message.text", mm["text"])
		}
	}
	if !hasPhys {
		return
	}
	pm := v.object(path+".physicalLocation", m["physicalLocation"], "physicalLocation", "artifactLocation")
	if pm == nil {
		return
	}
	if al := v.object(path+".physicalLocation.artifactLocation", pm["artifactLocation"], "artifactLocation", "uri"); al != nil {
		p := path + ".physicalLocation.artifactLocation"
		base, hasBase := al["uriBaseId"]
		if hasBase {
			if b, ok := v.str(p+".uriBaseId", base); ok && !v.baseIDs[b] {
				v.errf(p+".uriBaseId", "%q is not in the run's originalUriBaseIds", b)
			}
		}
		if u, ok := al["uri"]; ok {
			v.uri(p+".uri", u, false)
			if s, _ := u.(string); hasBase && strings.HasPrefix(s, "/") {
				v.errf(p+".uri", "%q is absolute but has a uriBaseId", s)
			}
		}
	}
	if r, ok := pm["region"]; ok {
		v.region(path+".physicalLocation.region", r)
	}
}

func (v *sarifValidator) region(path string, x any) {
	m := v.object(path, x, "region", "startLine")
	if m == nil {
		return
	}
	get := func(k string) (int, bool) {
		val, ok := m[k]
		if !ok {
			return 0, false
		}
		return v.integer(path+"."+k, val, 1)
	}
	sl, okSL := get("startLine")
	sc, okSC := get("startColumn")
	el, okEL := get("endLine")
	ec, okEC := get("endColumn")
	if okSL && okEL && el < sl {
		v.errf(path, "ends (line %d) before it starts (line %d)", el, sl)
	}
	if okSC && okEC && (!okEL || el == sl) && ec < sc {
		v.errf(path, "ends (column %d) before it starts (column %d)", ec, sc)
	}
}
