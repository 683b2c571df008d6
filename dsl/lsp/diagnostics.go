package lsp

import (
	"fmt"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/diag"
)

// source names the tool in the editor's problem list.
const source = "garantie"

// lspDiagnostics converts the analysis' diagnostics for the document at
// uri. The hint, when there is one, follows the message on its own line,
// as in the text output of `garantie check`.
func (a *analysis) lspDiagnostics(uri string) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(a.diags))
	for _, d := range a.diags {
		out = append(out, a.lspDiagnostic(uri, d))
	}
	return out
}

func (a *analysis) lspDiagnostic(uri string, d diag.Diagnostic) protocol.Diagnostic {
	severity := protocol.DiagnosticSeverityError
	if d.Severity == diag.Warning {
		severity = protocol.DiagnosticSeverityWarning
	}
	msg := d.Message
	if d.Hint != "" {
		msg += "\nhint: " + d.Hint
	}
	src := source
	out := protocol.Diagnostic{
		Range:    a.text.rangeOf(d.Range),
		Severity: &severity,
		Code:     &protocol.IntegerOrString{Value: string(d.Code)},
		Source:   &src,
		Message:  msg,
	}
	if d.Related != nil {
		out.RelatedInformation = []protocol.DiagnosticRelatedInformation{{
			Location: protocol.Location{URI: uri, Range: a.text.rangeOf(d.Related.Range)},
			Message:  d.Related.Message,
		}}
	}
	return out
}

// codeActions returns a quick fix for each diagnostic with a suggested
// edit whose range meets r (an LSP range of the document at uri).
func (a *analysis) codeActions(uri string, r protocol.Range) []protocol.CodeAction {
	from, to := a.text.offset(r.Start), a.text.offset(r.End)
	var out []protocol.CodeAction
	for _, d := range a.diags {
		if d.Fix == nil {
			continue
		}
		if d.Range.End.Offset < from || d.Range.Start.Offset > to {
			continue
		}
		kind := protocol.CodeActionKindQuickFix
		preferred := true
		out = append(out, protocol.CodeAction{
			Title:       a.fixTitle(d),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{a.lspDiagnostic(uri, d)},
			IsPreferred: &preferred,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
				uri: {{Range: a.text.rangeOf(d.Fix.Range), NewText: d.Fix.NewText}},
			}},
		})
	}
	return out
}

// fixTitle says what a suggested edit does, in the words a menu shows.
func (a *analysis) fixTitle(d diag.Diagnostic) string {
	old := strings.TrimSpace(a.source(d.Fix.Range))
	niu := strings.TrimSpace(d.Fix.NewText)
	switch {
	case old == "" && niu == "":
		return fmt.Sprintf("Fix %s", d.Code)
	case old == "":
		return fmt.Sprintf("Insert %q (%s)", niu, d.Code)
	case niu == "":
		return fmt.Sprintf("Remove %q (%s)", firstLine(old), d.Code)
	default:
		return fmt.Sprintf("Replace %q with %q (%s)", firstLine(old), niu, d.Code)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}
