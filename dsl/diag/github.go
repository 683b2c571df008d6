package diag

import (
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes diagnostics as GitHub Actions workflow commands, one
// line each, which the runner turns into annotations on the files:
//
//	::error file=a.garantie,line=4,col=1,endLine=4,endColumn=15,title=E109::unknown poste…
//
// Columns count characters. They are given only for a range on one line
// (GitHub ignores them otherwise). The message carries the hint on a
// second line; the title is the code.
func WriteGitHub(w io.Writer, ds Diagnostics) error {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("::")
		b.WriteString(d.Severity.String())
		b.WriteString(" file=")
		b.WriteString(escapeGitHubProperty(d.File))
		if r := d.Range; r.Start.IsValid() {
			fmt.Fprintf(&b, ",line=%d", r.Start.Line)
			sameLine := r.End.Line == r.Start.Line && r.End.Col >= r.Start.Col
			if sameLine {
				fmt.Fprintf(&b, ",col=%d", r.Start.Col)
			}
			if r.End.IsValid() && r.End.Line >= r.Start.Line {
				fmt.Fprintf(&b, ",endLine=%d", r.End.Line)
			}
			if sameLine {
				fmt.Fprintf(&b, ",endColumn=%d", r.End.Col)
			}
		}
		b.WriteString(",title=")
		b.WriteString(escapeGitHubProperty(string(d.Code)))
		b.WriteString("::")
		b.WriteString(escapeGitHubData(messageWithHint(d)))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeGitHubData escapes the message of a workflow command, as the
// runner's own toolkit does: %, CR and LF.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a property value of a workflow command:
// the message's escapes, and ':' and ',' which separate properties.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
