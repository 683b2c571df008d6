package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The contract examples of the documentation are fenced by what they are:
//
//	```garantie                  a whole file: it must check clean, with no
//	                             diagnostic at all
//	```garantie-fragment         rules (or a one-liner) shown alone: wrapped
//	                             in a contrat "X" header, it must check
//	                             without errors (warnings are allowed)
//	```garantie-error CODE…      an example of a mistake: it must check with
//	                             errors, among them each CODE listed
//	```garantie-warning CODE…    a whole file that checks without errors but
//	                             with warnings: exactly the CODEs listed
//
// A fence without an info string whose text looks like contract text is
// an error too, so a new example cannot escape the test by being left
// untagged.
var docFiles = []string{"../../README.md", "../../docs/language.md", "../../docs/cli.md", "../../docs/transcription.md"}

// docBlock is a fenced code block of a Markdown file.
type docBlock struct {
	where string   // FILE:LINE of the opening fence
	info  string   // first word of the info string
	args  []string // the other words of the info string
	text  string   // the content, without the fence's indentation
}

var fenceRE = regexp.MustCompile("^( *)```(.*)$")

// fencedBlocks returns the fenced code blocks of a Markdown file.
func fencedBlocks(t *testing.T, path string) []docBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var blocks []docBlock
	for i := 0; i < len(lines); i++ {
		m := fenceRE.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		indent, words := m[1], strings.Fields(m[2])
		b := docBlock{where: fmt.Sprintf("%s:%d", filepath.Base(path), i+1)}
		if len(words) > 0 {
			b.info, b.args = words[0], words[1:]
		}
		var body []string
		for i++; ; i++ {
			if i == len(lines) {
				t.Fatalf("%s: code block not closed", b.where)
			}
			if strings.TrimSpace(lines[i]) == "```" {
				break
			}
			body = append(body, strings.TrimPrefix(lines[i], indent))
		}
		b.text = strings.Join(body, "\n") + "\n"
		blocks = append(blocks, b)
	}
	return blocks
}

// startsWithContrat reports whether the first line of text that is
// neither blank nor a comment is a contrat declaration.
func startsWithContrat(text string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.HasPrefix(strings.ToLower(line), "contrat ")
	}
	return false
}

// ruleLineRE matches a line of contract text: a poste, optional
// conditions, ':' and a garantie.
var ruleLineRE = regexp.MustCompile(`^[a-z_]+(\.[a-z0-9_]+)*( si [^:]*)? *: *\S`)

func looksLikeContract(text string) bool {
	if startsWithContrat(text) {
		return true
	}
	for line := range strings.SplitSeq(text, "\n") {
		if ruleLineRE.MatchString(line) {
			return true
		}
	}
	return false
}

// TestDocsExamples checks the contract examples of the README and of
// docs/language.md and docs/cli.md (see the fences above).
func TestDocsExamples(t *testing.T) {
	counts := map[string]int{}
	for _, file := range docFiles {
		for _, b := range fencedBlocks(t, file) {
			counts[filepath.Base(file)+" "+b.info]++
			switch b.info {
			case "garantie":
				if !startsWithContrat(b.text) {
					t.Errorf("%s: a ```garantie block is a whole file starting with contrat; fence rules shown alone with ```garantie-fragment", b.where)
					continue
				}
				path := writeFile(t, "exemple.garantie", b.text)
				if status, out, errOut := runCLI(t, "", "check", path); status != exitOK || out != "" || errOut != "" {
					t.Errorf("%s: the example does not check clean (status %d):\n%s%s", b.where, status, out, errOut)
				}
			case "garantie-fragment":
				if startsWithContrat(b.text) {
					t.Errorf("%s: a fragment starts with contrat; fence a whole file with ```garantie", b.where)
					continue
				}
				path := writeFile(t, "fragment.garantie", "contrat \"X\"\n"+b.text)
				if status, out, errOut := runCLI(t, "", "check", path); status != exitOK {
					t.Errorf("%s: the fragment, after a contrat \"X\" line, has errors (status %d):\n%s%s", b.where, status, out, errOut)
				}
			case "garantie-error":
				text := b.text
				if !startsWithContrat(text) {
					text = "contrat \"X\"\n" + text
				}
				path := writeFile(t, "erreur.garantie", text)
				status, out, errOut := runCLI(t, "", "check", path)
				if status != exitFail || !strings.Contains(out, ": error: ") {
					t.Errorf("%s: the example of a mistake does not give an error (status %d):\n%s%s", b.where, status, out, errOut)
				}
				for _, code := range b.args {
					if !strings.Contains(out, "["+code+"]") {
						t.Errorf("%s: the example of a mistake gives no %s:\n%s", b.where, code, out)
					}
				}
			case "garantie-warning":
				path := writeFile(t, "avertissement.garantie", b.text)
				status, out, errOut := runCLI(t, "", "check", path)
				if status != exitOK || strings.Contains(out, ": error: ") {
					t.Errorf("%s: the example should check without errors (status %d):\n%s%s", b.where, status, out, errOut)
				}
				var got []string
				for _, m := range regexp.MustCompile(`: warning: .*\[([A-Z]\d{3})\]`).FindAllStringSubmatch(out, -1) {
					got = append(got, m[1])
				}
				if strings.Join(got, " ") != strings.Join(b.args, " ") {
					t.Errorf("%s: the example gives the warnings %v, the fence names %v:\n%s", b.where, got, b.args, out)
				}
			case "":
				if looksLikeContract(b.text) {
					t.Errorf("%s: contract text in a block without info string; fence it with ```garantie, ```garantie-fragment or ```garantie-error", b.where)
				}
			}
		}
	}

	// Guard against the extraction silently finding nothing.
	for key, min := range map[string]int{
		"README.md garantie-warning":         1,
		"language.md garantie-warning":       2,
		"language.md garantie-fragment":      10,
		"language.md garantie-error":         1,
		"cli.md garantie":                    1,
		"cli.md garantie-error":              1,
		"transcription.md garantie-error":    1,
		"transcription.md garantie-fragment": 4,
	} {
		if counts[key] < min {
			t.Errorf("found %d blocks %q, want at least %d", counts[key], key, min)
		}
	}
}
