package main

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlDoc is a generated HTML page read back by its content: the text
// of each table row's cells, and the text of elements by tag.
type htmlDoc struct {
	root *html.Node
}

func parseHTML(t *testing.T, s string) htmlDoc {
	t.Helper()
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return htmlDoc{root}
}

// rows returns the cells of every <tr>, as text with spaces collapsed,
// keyed by nothing: in document order.
func (d htmlDoc) rows() [][]string {
	var out [][]string
	for tr := range d.root.Descendants() {
		if tr.Type != html.ElementNode || tr.Data != "tr" {
			continue
		}
		var cells []string
		for c := range tr.ChildNodes() {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				cells = append(cells, textOf(c))
			}
		}
		out = append(out, cells)
	}
	return out
}

// row returns the cells of the first row whose first cell is first.
func (d htmlDoc) row(t *testing.T, first string) []string {
	t.Helper()
	for _, r := range d.rows() {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	t.Fatalf("no table row starts with %q", first)
	return nil
}

// texts returns the text of every element with this tag.
func (d htmlDoc) texts(tag string) []string {
	var out []string
	for n := range d.root.Descendants() {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, textOf(n))
		}
	}
	return out
}

// textOf is the text inside n, block elements and <br> separated by a
// space, spaces collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.Data == "br" || c.Data == "span" || c.Data == "small"):
			b.WriteString(" ")
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
