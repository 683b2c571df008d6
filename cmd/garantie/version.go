package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

func runVersion(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stderr)
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "garantie version: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	info, _ := debug.ReadBuildInfo()
	if _, err := io.WriteString(stdout, versionText(info)); err != nil {
		return writeError(stderr, "version", err)
	}
	return exitOK
}

// versionText renders the build information of the binary (nil when it
// has none):
//
//	garantie v1.2.0
//	revision 63a12f6e… (2026-12-02T10:30:00Z, modified)
//	go1.26.8 linux/amd64
//
// A binary built without VCS stamping (go run, go test, a build outside
// the repository or with -buildvcs=false) says so instead of a revision.
func versionText(info *debug.BuildInfo) string {
	var b strings.Builder
	version := "(unknown)"
	settings := map[string]string{}
	if info != nil {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
	}
	fmt.Fprintf(&b, "garantie %s\n", version)
	if rev := settings["vcs.revision"]; rev != "" {
		var detail []string
		if t := settings["vcs.time"]; t != "" {
			detail = append(detail, t)
		}
		if settings["vcs.modified"] == "true" {
			detail = append(detail, "modified")
		}
		fmt.Fprintf(&b, "revision %s", rev)
		if len(detail) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(detail, ", "))
		}
		b.WriteString("\n")
	} else {
		b.WriteString("revision unknown (built without VCS information, as by go run)\n")
	}
	fmt.Fprintf(&b, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// moduleVersion is the module version of the binary, or "" when it was
// not built from a versioned module.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "(devel)" {
		return ""
	}
	return info.Main.Version
}
