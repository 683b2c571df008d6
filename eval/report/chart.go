package report

import (
	"strconv"

	"garantie/eval/compare"
	"garantie/eval/money"
)

// chart is an SVG drawing: the template draws its shapes as they are.
// Coordinates are pixels of the viewBox; amounts never go through them
// except to place a shape.
type chart struct {
	Title         string // the accessible name of the drawing
	Width, Height int
	Rects         []rect
	Texts         []text
	Lines         []line
}

type rect struct {
	X, Y, W, H float64
	Class      string
	Title      string // tooltip
}

type text struct {
	X, Y   float64
	Anchor string // start, middle, end
	Class  string
	S      string
}

type line struct {
	X1, Y1, X2, Y2 float64
	Class          string
}

// f formats a coordinate for SVG.
func (c chart) F(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// scale maps an amount onto [0, px] for the largest amount max.
func scale(v, max money.Cents, px float64) float64 {
	if max <= 0 {
		return 0
	}
	return float64(v) / float64(max) * px
}

const labelWidth = 230.0

// pairBars draws, per row, two horizontal bars (A and B) of the same scale.
func pairBars(title string, rows []string, a, b []money.Cents, nameA, nameB string) chart {
	const w, row, bar = 700.0, 34.0, 12.0
	c := chart{Title: title, Width: int(w), Height: int(row*float64(len(rows)) + 40)}
	var top money.Cents
	for i := range rows {
		top = max(top, a[i], b[i])
	}
	span := w - labelWidth - 90
	for i, r := range rows {
		y := 30 + row*float64(i)
		c.Texts = append(c.Texts, text{X: labelWidth - 8, Y: y + bar + 2, Anchor: "end", Class: "lab", S: shorten(r, 34)})
		for k, v := range [2]money.Cents{a[i], b[i]} {
			cls, name := "a", nameA
			if k == 1 {
				cls, name = "b", nameB
			}
			yy := y + float64(k)*(bar+2)
			wd := scale(v, top, span)
			c.Rects = append(c.Rects, rect{X: labelWidth, Y: yy, W: wd, H: bar, Class: cls, Title: name + " : " + euros(v)})
			c.Texts = append(c.Texts, text{X: labelWidth + wd + 4, Y: yy + bar - 2, Anchor: "start", Class: "val", S: euros(v)})
		}
	}
	c.Rects = append(c.Rects, rect{X: labelWidth, Y: 6, W: 12, H: 12, Class: "a"}, rect{X: labelWidth + 200, Y: 6, W: 12, H: 12, Class: "b"})
	c.Texts = append(c.Texts, text{X: labelWidth + 16, Y: 16, Class: "lab", S: nameA}, text{X: labelWidth + 216, Y: 16, Class: "lab", S: nameB})
	return c
}

// divergingBars draws one horizontal bar per row from a zero axis: right
// for a rise, left for a fall.
func divergingBars(title string, rows []string, v []money.Cents) chart {
	const w, row = 700.0, 24.0
	c := chart{Title: title, Width: int(w), Height: int(row*float64(len(rows)) + 20)}
	var top money.Cents
	for _, x := range v {
		top = max(top, x, -x)
	}
	half := (w - labelWidth - 20) / 2
	zero := labelWidth + half
	for i, r := range rows {
		y := 10 + row*float64(i)
		c.Texts = append(c.Texts, text{X: labelWidth - 8, Y: y + 13, Anchor: "end", Class: "lab", S: r})
		wd := scale(max(v[i], -v[i]), top, half-70)
		x, cls, anchor, tx := zero, "up", "start", zero+wd+4
		if v[i] < 0 {
			x, cls, anchor, tx = zero-wd, "down", "end", zero-wd-4
		}
		c.Rects = append(c.Rects, rect{X: x, Y: y, W: wd, H: 16, Class: cls, Title: r + " : " + signedEuros(v[i])})
		c.Texts = append(c.Texts, text{X: tx, Y: y + 13, Anchor: anchor, Class: "val", S: signedEuros(v[i])})
	}
	c.Lines = append(c.Lines, line{X1: zero, Y1: 4, X2: zero, Y2: float64(c.Height) - 4, Class: "axis"})
	return c
}

// histogram draws the bins as vertical bars, with the quantiles as
// vertical marks.
func histogram(title string, bins []compare.Bin, qs []quantileMark) chart {
	const w, h, left, bottom = 700.0, 240.0, 40.0, 40.0
	c := chart{Title: title, Width: int(w), Height: int(h)}
	if len(bins) == 0 {
		return c
	}
	top := 0
	for _, b := range bins {
		top = max(top, b.Count)
	}
	plotH := h - bottom - 30
	bw := (w - left - 20) / float64(len(bins))
	lo, hi := bins[0].From, bins[len(bins)-1].To
	xOf := func(v money.Cents) float64 { return left + float64(v-lo)/float64(hi-lo)*(w-left-20) }
	for i, b := range bins {
		bh := float64(b.Count) / float64(top) * plotH
		x := left + bw*float64(i)
		c.Rects = append(c.Rects, rect{X: x + 1, Y: 30 + plotH - bh, W: bw - 2, H: bh, Class: "bin",
			Title: signedEuros(b.From) + " à " + signedEuros(b.To) + " : " + strconv.Itoa(b.Count)})
		if b.Count > 0 {
			c.Texts = append(c.Texts, text{X: x + bw/2, Y: 30 + plotH - bh - 3, Anchor: "middle", Class: "val", S: strconv.Itoa(b.Count)})
		}
	}
	c.Lines = append(c.Lines, line{X1: left, Y1: 30 + plotH, X2: w - 20, Y2: 30 + plotH, Class: "axis"})
	c.Texts = append(c.Texts,
		text{X: left, Y: h - bottom + 26, Anchor: "start", Class: "lab", S: signedEuros(lo)},
		text{X: w - 20, Y: h - bottom + 26, Anchor: "end", Class: "lab", S: signedEuros(hi)})
	for i, q := range qs {
		x := xOf(q.Value)
		c.Lines = append(c.Lines, line{X1: x, Y1: 24, X2: x, Y2: 30 + plotH, Class: "q"})
		c.Texts = append(c.Texts, text{X: x, Y: 12 + float64(i%2)*10, Anchor: "middle", Class: "qlab", S: q.Name})
	}
	return c
}

// quantileMark is a quantile drawn on a histogram.
type quantileMark struct {
	Name  string
	Value money.Cents
}

// shorten cuts the middle of s to leave n characters with an ellipsis,
// to fit beside a chart: the end ("+ réseau") stays readable.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	tail := (n - 1) / 3
	return string(r[:n-1-tail]) + "…" + string(r[len(r)-tail:])
}
