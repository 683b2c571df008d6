package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/diag/suppress"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
)

// checkFormats are the output formats of check.
var checkFormats = []string{"text", "json", "sarif", "github", "junit"}

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--format text|json|sarif|github|junit] [--fail-level error|warning] [FILE|DIR|-]…", stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(checkFormats, ", "))
	failLevel := fs.String("fail-level", "error", "exit 1 on diagnostics of this severity or worse: error, or warning")
	docsURL := fs.String("docs-url", "", "absolute URL of docs/diagnostics.md, for the helpUri of each rule in --format sarif")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if !oneOf(stderr, "format", *format, checkFormats...) || !oneOf(stderr, "fail-level", *failLevel, "error", "warning") {
		return exitUsage
	}
	failAt, _ := diag.ParseSeverity(*failLevel)
	if u, err := url.Parse(*docsURL); *docsURL != "" && (err != nil || !u.IsAbs()) {
		fmt.Fprintf(stderr, "garantie check: --docs-url must be an absolute URL such as https://example.org/garantie/docs/diagnostics.md, not %q\n", *docsURL)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "garantie check: no files given")
		fs.Usage()
		return exitUsage
	}
	paths, err := contractFiles(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "garantie check: %v\n", err)
		return exitUsage
	}
	var stdinSrc []byte
	if slices.Contains(paths, "-") {
		if stdinSrc, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintf(stderr, "garantie check: reading standard input: %v\n", err)
			return exitUsage
		}
	}

	// Every file is checked, even after one fails. Files are checked in
	// parallel, keeping only what the report needs, and reported in the
	// order given.
	type checked struct {
		name  string
		src   []byte
		diags diag.Diagnostics
		err   error
	}
	results := make([]checked, len(paths))
	forEachParallel(len(paths), func(i int) {
		if ctx.Err() != nil {
			return
		}
		var c *contract
		if paths[i] == "-" {
			c = analyse(stdinName, stdinSrc)
		} else if c, results[i].err = loadContract(paths[i]); results[i].err != nil {
			return
		}
		results[i] = checked{name: c.path, src: c.src, diags: c.diags}
	})
	if ctx.Err() != nil {
		return interrupted(stderr)
	}

	status := exitOK
	var all diag.Diagnostics
	var names []string
	src := diag.Source{}
	for i, path := range paths {
		c := results[i]
		if c.err != nil {
			fmt.Fprintf(stderr, "garantie check: %v\n", c.err)
			status = exitUsage
			continue
		}
		ds, dropped := c.diags.Limit(maxErrors)
		if dropped {
			defer fmt.Fprintf(stderr, "%s: too many errors; only the first %d are shown\n", path, maxErrors)
		}
		if status == exitOK && slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Severity.AtLeast(failAt) }) {
			status = exitFail
		}
		all = append(all, ds...)
		names = append(names, c.name)
		src[c.name] = c.src
	}

	switch *format {
	case "json":
		err = diag.WriteJSON(stdout, all)
	case "sarif":
		err = diag.WriteSARIF(stdout, all, sarifTool(*docsURL))
	case "github":
		err = diag.WriteGitHub(stdout, all)
	case "junit":
		err = diag.WriteJUnit(stdout, names, all, src, failAt)
	default:
		err = diag.WriteText(stdout, all, src)
	}
	if err != nil {
		return writeError(stderr, "check", err)
	}
	return status
}

// allCodes documents every diagnostic code check can report, in the order
// of docs/diagnostics.md.
func allCodes() []diag.Info {
	return slices.Concat(parser.Codes(), check.Codes(), lint.Codes(), suppress.Codes())
}

// sarifTool describes garantie for a SARIF log; docsURL, when given, is
// the address of docs/diagnostics.md, whose sections are named by code.
func sarifTool(docsURL string) diag.SARIFTool {
	tool := diag.SARIFTool{Name: "garantie", Version: moduleVersion(), Rules: allCodes()}
	if docsURL != "" {
		tool.HelpURI = func(c diag.Code) string { return docsURL + "#" + strings.ToLower(string(c)) }
	}
	return tool
}

// readFile is os.ReadFile, or standard input for "-".
func readFile(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}
