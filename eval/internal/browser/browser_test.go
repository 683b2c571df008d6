package browser

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// TestLoadCollectsErrors checks the helper itself: a page's text comes
// back, and a console error, an uncaught exception and a request to the
// network are all reported.
func TestLoadCollectsErrors(t *testing.T) {
	exec := Require(t)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>Reste à charge : 2,00 €</p>` +
		`<img src="http://192.0.2.1/pixel.png">` +
		`<script>console.error("boom"); throw new Error("kaput");</script></body></html>`
	p, err := Load(context.Background(), exec, "data:text/html;charset=utf-8,"+url.PathEscape(page))
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
}
