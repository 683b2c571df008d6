package browser

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
)

// mediaBox matches the page size of a page object of a PDF as Chromium
// writes it: /MediaBox [0 0 WIDTH HEIGHT], in points.
var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`)

// A4 checks that a printed PDF has at least one page and that every page
// is A4 portrait (210 × 297 mm, 595.28 × 841.89 points, within 2 points).
// It returns the number of pages.
func A4(pdf []byte) (pages int, err error) {
	for _, m := range mediaBox.FindAllSubmatch(pdf, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if math.Abs(w-595.28) > 2 || math.Abs(h-841.89) > 2 {
			return pages, fmt.Errorf("page %d is %.2f × %.2f points, not A4 portrait (595.28 × 841.89)", pages+1, w, h)
		}
		pages++
	}
	if pages == 0 {
		return 0, fmt.Errorf("no page size found in the PDF (%d bytes)", len(pdf))
	}
	return pages, nil
}
