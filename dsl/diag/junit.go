package diag

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The JUnit XML elements written, as the Jenkins junit-10.xsd schema
// describes them (GitLab, Jenkins and most CI services read that form).
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		File     string      `xml:"file,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		SystemOut *junitText    `xml:"system-out"`
	}
	// junitText is text kept as CDATA, so that line breaks stay readable.
	junitText struct {
		Text string `xml:",cdata"`
	}
	junitFailure struct {
		Type    string `xml:"type,attr"`
		Message string `xml:"message,attr"`
		Text    string `xml:",cdata"`
	}
)

// WriteJUnit writes the diagnostics of the given files as JUnit XML: one
// testsuite per file, named by its path, and in it one testcase per
// diagnostic, named "PATH:LINE:COL CODE", so that a CI service lists each
// problem on its own. A diagnostic as severe as failAt or more is a
// failure, whose text is the diagnostic in text form (source line and
// caret included); a less severe one is a passing testcase that carries
// the same text as system-out. A file without diagnostics has one passing
// testcase named "check", so that it shows as checked.
func WriteJUnit(w io.Writer, files []string, ds Diagnostics, src Source, failAt Severity) error {
	byFile := map[string]Diagnostics{}
	for _, d := range ds {
		byFile[d.File] = append(byFile[d.File], d)
	}
	doc := junitSuites{Name: "garantie check"}
	for _, file := range files {
		suite := junitSuite{Name: file, File: file}
		for _, d := range byFile[file] {
			var text strings.Builder
			if err := WriteText(&text, Diagnostics{d}, src); err != nil {
				return err
			}
			c := junitCase{Name: fmt.Sprintf("%s:%s %s", file, d.Range.Start, d.Code), ClassName: file}
			if d.Severity.AtLeast(failAt) {
				c.Failure = &junitFailure{Type: string(d.Code), Message: d.Message, Text: xmlSafe(text.String())}
				suite.Failures++
			} else {
				c.SystemOut = &junitText{xmlSafe(text.String())}
			}
			suite.Cases = append(suite.Cases, c)
		}
		if len(suite.Cases) == 0 {
			suite.Cases = []junitCase{{Name: "check", ClassName: file}}
		}
		suite.Tests = len(suite.Cases)
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Suites = append(doc.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe replaces the characters XML cannot hold (control characters
// but tab and line breaks, invalid UTF-8) by U+FFFD, as encoding/xml does
// for character data but not for CDATA. A source line quoted in a
// diagnostic may hold any byte.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == utf8.RuneError, r >= 0xFFFE && r <= 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}
