package browser

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// TestLoadCollectsErrors checks the helper itself: a page's text comes
// back, a console error, an uncaught exception and a request to the
// network are all reported, and the print is checked for its page size.
func TestLoadCollectsErrors(t *testing.T) {
	exec := Require(t)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>Reste à charge : 2,00 €</p>` +
		`<img src="http://192.0.2.1/pixel.png">` +
		`<script>console.error("boom"); throw new Error("kaput");</script></body></html>`
	p, err := Load(context.Background(), exec, "data:text/html;charset=utf-8,"+url.PathEscape(page), Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "Reste à charge : 2,00 €") {
		t.Errorf("text %q", p.Text)
	}
	all := strings.Join(p.Errors, "\n")
	for _, want := range []string{"boom", "kaput"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors %q miss %q", all, want)
		}
	}
	if len(p.Requests) != 1 || !strings.HasPrefix(p.Requests[0], "http://192.0.2.1/") {
		t.Errorf("requests %q, want the image's", p.Requests)
	}
	// Without an @page rule, the browser prints on US Letter: A4 says so.
	if _, err := A4(p.PDF); err == nil || !strings.Contains(err.Error(), "not A4") {
		t.Errorf("A4 of a Letter page: %v", err)
	}
}

// recorder is a testing.TB that records whether the test was skipped or
// failed, without stopping the calling test.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()           {}
func (r *recorder) Skip(...any)       { r.skipped = true }
func (r *recorder) Fatal(args ...any) { r.failed = true }

// TestRequireFailsUnderCI checks that a missing browser skips a test on a
// workstation but fails it under CI=true.
func TestRequireFailsUnderCI(t *testing.T) {
	missing := t.TempDir() + "/no-chromium"
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	require(r, missing)
	if !r.skipped || r.failed {
		t.Errorf("without CI: skipped %v, failed %v; want a skip", r.skipped, r.failed)
	}
	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	require(r, missing)
	if r.skipped || !r.failed {
		t.Errorf("under CI=true: skipped %v, failed %v; want a failure", r.skipped, r.failed)
	}
}
