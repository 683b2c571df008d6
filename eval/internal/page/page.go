// Package page holds what the HTML and Markdown documents of eval share:
// the stylesheet (screen and A4 print), and the French rendering of
// amounts ("1 500,00 €").
package page

import (
	_ "embed"
	"html/template"
	"strings"

	"garantie/eval/money"
)

//go:embed style.css
var style string

// Style returns the stylesheet of the documents, to inline in a <style>
// element: no document loads anything from the network.
func Style() template.CSS { return template.CSS(style) }

// Euros renders an amount the French way: "1 500,00 €", "-2,50 €".
func Euros(c money.Cents) string {
	s := c.String() // "-1500.00"
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	units, cents, _ := strings.Cut(s, ".")
	return sign + Thousands(units) + "," + cents + " €"
}

// Thousands groups the digits of a whole number by three with spaces:
// "1500" is "1 500".
func Thousands(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
