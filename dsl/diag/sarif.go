package diag

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
)

// SARIFTool describes the tool that produced the diagnostics, for the
// run.tool.driver object of a SARIF log.
type SARIFTool struct {
	Name           string
	Version        string // omitted when empty
	InformationURI string // omitted when empty
	// Rules documents every code the tool can report; each becomes a
	// reportingDescriptor of the driver, in the order given.
	Rules []Info
	// HelpURI returns the address of a code's documentation, or "" for
	// none. It must be an absolute URI. It may be nil.
	HelpURI func(Code) string
}

// sarifSchema is the address of the SARIF 2.1.0 JSON schema (errata 01).
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// The SARIF objects written: only the properties garantie fills.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifToolObj  `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifToolObj struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     sarifMessage  `json:"shortDescription"`
		FullDescription      sarifMessage  `json:"fullDescription"`
		Help                 sarifMessage  `json:"help"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        *int            `json:"ruleIndex,omitempty"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifMessage `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent,omitempty"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
)

// WriteSARIF writes diagnostics as a SARIF 2.1.0 log with one run, for
// code scanning services. The run declares columnKind
// "unicodeCodePoints": SARIF columns, like garantie's, count characters,
// so "€" is one column. Regions are the diagnostics' ranges (the end
// column is exclusive, as in SARIF); a suggested edit becomes a fix, a
// related location a relatedLocation, and the hint a second line of the
// message.
func WriteSARIF(w io.Writer, ds Diagnostics, tool SARIFTool) error {
	index := map[Code]int{}
	rules := make([]sarifRule, 0, len(tool.Rules))
	for i, info := range tool.Rules {
		index[info.Code] = i
		rules = append(rules, sarifRuleOf(info, tool.HelpURI))
	}
	results := make([]sarifResult, 0, len(ds))
	for _, d := range ds {
		uri := fileURI(d.File)
		r := sarifResult{
			RuleID:    string(d.Code),
			Level:     d.Severity.String(),
			Message:   sarifMessage{Text: messageWithHint(d)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}, Region: sarifRegionOf(d.Range)}}},
		}
		if i, ok := index[d.Code]; ok {
			r.RuleIndex = &i
		}
		if d.Related != nil {
			id := 1
			r.RelatedLocations = []sarifLocation{{
				ID:               &id,
				PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}, Region: sarifRegionOf(d.Related.Range)},
				Message:          &sarifMessage{Text: d.Related.Message},
			}}
		}
		if d.Fix != nil && d.Fix.Range.Start.IsValid() {
			rep := sarifReplacement{DeletedRegion: *sarifRegionOf(d.Fix.Range)}
			if d.Fix.NewText != "" {
				rep.InsertedContent = &sarifContent{d.Fix.NewText}
			}
			r.Fixes = []sarifFix{{
				Description:     sarifMessage{Text: fixDescription(d.Fix)},
				ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: sarifArtifact{uri}, Replacements: []sarifReplacement{rep}}},
			}}
		}
		results = append(results, r)
	}
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool:       sarifToolObj{sarifDriver{Name: tool.Name, Version: tool.Version, InformationURI: tool.InformationURI, Rules: rules}},
		ColumnKind: "unicodeCodePoints",
		Results:    results,
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func sarifRuleOf(info Info, helpURI func(Code) string) sarifRule {
	help := sarifMessage{Text: info.Doc, Markdown: info.Doc}
	if info.Example != "" {
		help.Text += "\n\nExample:\n\n" + info.Example
		help.Markdown += "\n\nExample:\n\n```\n" + info.Example + "\n```"
	}
	r := sarifRule{
		ID:                   string(info.Code),
		Name:                 ruleName(info.Title),
		ShortDescription:     sarifMessage{Text: info.Title},
		FullDescription:      sarifMessage{Text: info.Doc},
		Help:                 help,
		DefaultConfiguration: sarifRuleConf{Level: info.Severity.String()},
	}
	if helpURI != nil {
		r.HelpURI = helpURI(info.Code)
	}
	return r
}

// ruleName turns a title such as "missing ':' after the poste" into the
// identifier SARIF expects for a rule's name: "MissingAfterThePoste".
func ruleName(title string) string {
	var b strings.Builder
	for word := range strings.FieldsFuncSeq(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		first := []rune(word)
		first[0] = unicode.ToUpper(first[0])
		b.WriteString(string(first))
	}
	return b.String()
}

// sarifRegionOf converts a range; an invalid range gives no region, and
// an invalid end gives a region of its start alone.
func sarifRegionOf(r Range) *sarifRegion {
	if !r.Start.IsValid() {
		return nil
	}
	reg := &sarifRegion{StartLine: r.Start.Line, StartColumn: max(r.Start.Col, 1)}
	if r.End.IsValid() && (r.End.Line > r.Start.Line || r.End.Line == r.Start.Line && r.End.Col >= r.Start.Col) {
		reg.EndLine, reg.EndColumn = r.End.Line, max(r.End.Col, 1)
	}
	return reg
}

// fileURI is the relative URI reference of a file name: slashes for
// separators, special characters escaped.
func fileURI(name string) string {
	u := url.URL{Path: filepath.ToSlash(name)}
	if filepath.IsAbs(name) {
		u.Scheme = "file"
	}
	return u.String()
}

func fixDescription(e *Edit) string {
	switch {
	case e.NewText == "":
		return "delete the text"
	case e.Range.Start.Offset == e.Range.End.Offset:
		return "insert `" + e.NewText + "`"
	}
	return "replace with `" + e.NewText + "`"
}

// messageWithHint is the message, and the hint on a second line.
func messageWithHint(d Diagnostic) string {
	if d.Hint == "" {
		return d.Message
	}
	return d.Message + "\nhint: " + d.Hint
}
