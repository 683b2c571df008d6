// Package diag owns the positions, ranges and diagnostics shared by every
// phase of the .garantie toolchain, and their rendering: text and JSON,
// and for CI services SARIF 2.1.0, GitHub workflow annotations and JUnit
// XML.
//
// A position counts lines and columns from 1; columns count characters
// (Unicode code points), not bytes, so "€" is one column.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a position in a source file.
type Pos struct {
	Offset int // byte offset, from 0
	Line   int // line, from 1
	Col    int // column in characters, from 1
}

// IsValid reports whether the position is set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String renders the position as line:col.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Range is a half-open span of source text [Start, End).
type Range struct {
	Start, End Pos
}

// Join returns the smallest range covering r and s. An invalid range is
// ignored.
func (r Range) Join(s Range) Range {
	if !r.Start.IsValid() {
		return s
	}
	if !s.Start.IsValid() {
		return r
	}
	if s.Start.Offset < r.Start.Offset {
		r.Start = s.Start
	}
	if s.End.Offset > r.End.Offset {
		r.End = s.End
	}
	return r
}

// Severity tells whether a diagnostic blocks the contract.
type Severity int

const (
	// Error diagnostics make `garantie check` exit 1 and stop evaluation.
	Error Severity = iota
	// Warning diagnostics are reported but do not fail the check.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// AtLeast reports whether s is as severe as t or more: every severity is
// at least Warning, only Error is at least Error.
func (s Severity) AtLeast(t Severity) bool { return s <= t }

// ParseSeverity reads "error" or "warning".
func ParseSeverity(name string) (Severity, bool) {
	switch name {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	}
	return Error, false
}

// Code is a stable diagnostic code such as "E101". A code is never reused
// for another meaning.
type Code string

// Edit is a suggested mechanical fix: replace the text in Range by NewText.
type Edit struct {
	Range   Range
	NewText string
}

// Diagnostic is one message about a source file.
type Diagnostic struct {
	File     string
	Range    Range
	Severity Severity
	Code     Code
	Message  string
	// Hint says how to fix the problem, when the message does not.
	Hint string
	// Fix is an optional mechanical edit that resolves the diagnostic.
	Fix *Edit
	// Related points at another place involved, such as the other rule of
	// an ambiguous pair.
	Related *Related
}

// Related is a secondary location of a diagnostic.
type Related struct {
	Range   Range
	Message string
}

// Diagnostics is a list of diagnostics, in the order they were found.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors counts the error diagnostics.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders diagnostics by file, position, then code, keeping the
// relative order of equal ones.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset),
			cmp.Compare(a.Code, b.Code),
		)
	})
}

// Dedup sorts the diagnostics and keeps, for each line of each file, only
// the first error and warnings with distinct codes and messages, so one
// mistake does not produce a cascade. It returns the shortened list.
func (ds Diagnostics) Dedup() Diagnostics {
	ds.Sort()
	type key struct {
		file string
		line int
	}
	errLine := map[key]bool{}
	seen := map[string]bool{}
	out := ds[:0]
	for _, d := range ds {
		k := key{d.File, d.Range.Start.Line}
		if d.Severity == Error {
			if errLine[k] {
				continue
			}
			errLine[k] = true
		}
		id := fmt.Sprintf("%s:%d:%s:%s", d.File, d.Range.Start.Line, d.Code, d.Message)
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, d)
	}
	return out
}

// Limit keeps at most n errors (warnings are kept), dropping the rest.
// It reports whether any error was dropped.
func (ds Diagnostics) Limit(n int) (Diagnostics, bool) {
	out := ds[:0]
	errs, dropped := 0, false
	for _, d := range ds {
		if d.Severity == Error {
			if errs == n {
				dropped = true
				continue
			}
			errs++
		}
		out = append(out, d)
	}
	return out, dropped
}

// Error makes a Diagnostics usable as an error value. The message is the
// first diagnostic in text form without source context.
func (ds Diagnostics) Error() string {
	if len(ds) == 0 {
		return "no diagnostics"
	}
	d := ds[0]
	s := fmt.Sprintf("%s:%s: %s: %s [%s]", d.File, d.Range.Start, d.Severity, d.Message, d.Code)
	if len(ds) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(ds)-1)
	}
	return s
}

// Info documents a diagnostic code for the registry from which
// docs/diagnostics.md is generated.
type Info struct {
	Code     Code
	Title    string // a few words: "unknown poste"
	Severity Severity
	// Doc is one paragraph: what the diagnostic means and how to fix it.
	Doc string
	// Example is a short .garantie snippet that triggers it.
	Example string
}
