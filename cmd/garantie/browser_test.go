package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a headless-capable Chromium. Without one
// the test is skipped, except in CI (CI=true), where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium in PATH; .ci/run installs it (apt-get install chromium)")
	}
	t.Skip("no chromium in PATH: install it (apt-get install chromium) to check the HTML reports in a browser")
	return ""
}

// pageInBrowser opens a file in headless Chromium and returns the result
// of script (an expression whose value is JSON-decoded into out) and the
// console errors and uncaught exceptions of the page.
func pageInBrowser(t *testing.T, path, script string, out *renderedPage) []string {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	// Subscribe before the page loads, so that no message is lost.
	messages := chromedp.Console(ctx)
	var errs []string
	collected := make(chan struct{})
	mctx, stop := context.WithCancel(ctx)
	go func() {
		defer close(collected)
		for m, err := range messages {
			if err != nil || mctx.Err() != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				errs = append(errs, m.String())
			}
		}
	}()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[renderedPage](script))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	*out = v
	time.Sleep(200 * time.Millisecond) // let late messages arrive
	stop()
	cancel()
	<-collected
	return errs
}

// pageScript collects what the browser rendered: every figure's text by
// its data-fig key, the number of charts drawn with a visible size, and
// the page's width against the viewport's.
const pageScript = `(() => {
  const figs = {};
  for (const e of document.querySelectorAll('[data-fig]')) figs[e.dataset.fig] = e.textContent;
  let charts = 0;
  for (const s of document.querySelectorAll('svg')) { const r = s.getBoundingClientRect(); if (r.width > 100 && r.height > 20 && s.querySelectorAll('rect').length > 0) charts++; }
  return {figs, charts, title: document.title, h2: document.querySelectorAll('h2').length};
})()`

type renderedPage struct {
	Figs   map[string]string `json:"figs"`
	Charts int               `json:"charts"`
	Title  string            `json:"title"`
	H2     int               `json:"h2"`
}

func TestReportsInBrowser(t *testing.T) {
	chromium(t)
	claims := reportClaims(t, 3000)
	dir := t.TempDir()
	a, b, c := exemple+"essentiel.garantie", exemple+"equilibre.garantie", exemple+"serenite.garantie"
	sc := exemple + "reseau.scenario"

	diffArgs := []string{"diff", a, b, "--claims", claims, "--scenario", sc}
	diffJS := diffJSONForPage(t, mustRun(t, append(diffArgs, "--format", "json")...))
	groupFigures(t, claims, diffJS)
	diffPage := filepath.Join(dir, "rapport.html")
	mustRun(t, append(diffArgs, "--format", "html", "-o", diffPage)...)

	cmpArgs := []string{"compare", a, b, c, "--claims", claims}
	cmpJS := jsonFigures(t, mustRun(t, append(cmpArgs, "--format", "json")...))
	cmpPage := filepath.Join(dir, "formules.html")
	mustRun(t, append(cmpArgs, "--format", "html", "-o", cmpPage)...)

	for _, tc := range []struct {
		path   string
		js     map[string]string
		charts int
		title  string
	}{
		{diffPage, diffJS, 4, "Rapport : Essentiel 2026 → Équilibre 2026"},
		{cmpPage, cmpJS, 1, "Comparaison de formules"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			var p renderedPage
			if errs := pageInBrowser(t, tc.path, pageScript, &p); len(errs) > 0 {
				t.Errorf("console errors: %s", strings.Join(errs, "; "))
			}
			if p.Title != tc.title || p.H2 < 3 {
				t.Errorf("title %q, %d sections", p.Title, p.H2)
			}
			if p.Charts < tc.charts {
				t.Errorf("%d charts drawn, want at least %d", p.Charts, tc.charts)
			}
			if len(p.Figs) < 20 {
				t.Fatalf("only %d figures rendered", len(p.Figs))
			}
			for k, v := range p.Figs {
				if got, want := canonicalFigure(v), tc.js[k]; got != want {
					t.Errorf("rendered %s = %q (%s), JSON %q", k, v, got, want)
				}
			}
		})
	}
}

// The browser check sees what it must refuse: a console error.
func TestBrowserSeesConsoleErrors(t *testing.T) {
	chromium(t)
	page := writeFile(t, "bad.html", `<!DOCTYPE html><html><head><title>x</title></head><body><script>console.error("broken")</script></body></html>`)
	var p renderedPage
	errs := pageInBrowser(t, page, pageScript, &p)
	if len(errs) == 0 || !strings.Contains(strings.Join(errs, ";"), "broken") {
		t.Errorf("console errors %q, want the page's", errs)
	}
}
