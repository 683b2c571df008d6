// Package browser loads a page in a real headless Chromium, for the tests
// of the HTML documents (the tableau, the examples, the reports): it
// collects the console errors, the uncaught exceptions and the network
// requests of the page, and returns its text as a reader sees it.
//
// It drives /usr/bin/chromium through the DevTools protocol
// (github.com/chromedp/chromedp) with a fresh profile, no sandbox (tests
// may run as root in a container), no GPU, and every background service
// that would reach the network turned off.
package browser

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium is the browser the tests run, as the Debian package installs
// it (.ci/run installs it on a fresh machine).
const Chromium = "/usr/bin/chromium"

// Page is what a loaded page showed.
type Page struct {
	// Text is the page's rendered text (document.body.innerText).
	Text string
	// Errors are the console errors, log errors and uncaught exceptions.
	Errors []string
	// Requests are the URLs the page asked for, other than the page itself
	// and data: URLs: a self-contained document asks for none.
	Requests []string
	// PDF is the page printed as the browser prints it, with the page
	// size its stylesheet asks for (@page), when Options.PDF is set.
	PDF []byte
}

// Options say what to collect beyond the text and the errors.
type Options struct {
	// PDF prints the page to PDF (Page.PDF), with the page size of its
	// @page rule, or US Letter without one.
	PDF bool
}

// Require returns the path of Chromium, or skips the test with a clear
// message when it is absent; under CI (the environment variable CI is
// "true") a missing browser fails the test instead, so that the browser
// tests never silently stop running there.
func Require(t testing.TB) string {
	t.Helper()
	return require(t, Chromium)
}

func require(t testing.TB, exec string) string {
	t.Helper()
	if _, err := os.Stat(exec); err != nil {
		msg := fmt.Sprintf("browser test needs %s (apt-get install chromium): %v", exec, err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		} else {
			t.Skip(msg)
		}
	}
	return exec
}

// Load opens url (a file:// or data: URL) in a fresh headless Chromium
// at exec, waits for the page to load and returns what it showed.
func Load(ctx context.Context, exec, url string, o Options) (*Page, error) {
	profile, err := os.MkdirTemp("", "garantie-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exec),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	var mu sync.Mutex
	p := &Page{}
	err = chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" || ev.Type == "assert" {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.Errors = append(p.Errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			text := ev.ExceptionDetails.Text
			if e := ev.ExceptionDetails.Exception; e != nil {
				text += " " + e.Description
			}
			p.Errors = append(p.Errors, "exception: "+text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == "error" {
				p.Errors = append(p.Errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; u != url && !strings.HasPrefix(u, "data:") {
				p.Requests = append(p.Requests, u)
			}
		}
	})
	if err == nil {
		err = chromedp.Do(bctx, chromedp.Navigate(url))
	}
	var text string
	if err == nil {
		text, err = chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
	}
	var pdf []byte
	if err == nil && o.PDF {
		pdf, err = chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	}
	if err != nil {
		return nil, fmt.Errorf("chromium: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	p.Text, p.PDF = text, pdf
	return p, nil
}
