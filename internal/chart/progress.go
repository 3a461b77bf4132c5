package chart

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Bar is one bar of a progress chart: a value in the base unit, its label,
// and the kind it is drawn as ("actual", "expected" for where the straight
// path stands, "target", "baseline").
type Bar struct {
	Label string
	Value float64
	Text  string // the value as the page writes it, shown after the bar
	Kind  string
}

// Progress draws a target's progress as a small inline SVG: one horizontal
// bar per value on one axis from zero — the baseline in grey, the actual
// solid, where the straight path stands lighter, the target outlined and
// dashed, as the chart grammar draws kinds. It is static (no script) and
// sized by its container; label is what a screen reader reads. Every value
// is escaped.
func Progress(label string, bars []Bar, region string) template.HTML {
	maxV := 0.0
	for _, b := range bars {
		if !math.IsNaN(b.Value) {
			maxV = max(maxV, math.Abs(b.Value))
		}
	}
	if maxV == 0 {
		maxV = 1
	}
	const width, rowH, labelW, textW = 420.0, 18.0, 130.0, 100.0
	col := colours[region]
	if col == "" {
		col = colours["china"]
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	h := rowH * float64(len(bars))
	fmt.Fprintf(&b, `<svg class="progress" viewBox="0 0 %g %g" role="img" aria-label="%s">`, width, h, esc(label))
	for i, bar := range bars {
		y := float64(i) * rowH
		fmt.Fprintf(&b, `<text x="0" y="%g" font-size="10">%s</text>`, y+12, esc(truncate(bar.Label, 24)))
		if math.IsNaN(bar.Value) {
			continue
		}
		w := math.Max(1, (width-labelW-textW-8)*math.Abs(bar.Value)/maxV)
		attrs := ""
		switch bar.Kind {
		case "baseline":
			attrs = `fill="#9a9a9a"`
		case "expected":
			attrs = fmt.Sprintf(`fill="%s" fill-opacity="0.35"`, col)
		case "target":
			attrs = fmt.Sprintf(`fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="4 2"`, col)
		default:
			attrs = fmt.Sprintf(`fill="%s"`, col)
		}
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%.1f" height="%g" %s/>`, labelW, y+3, w, rowH-6, attrs)
		// The value after the bar, squeezed to fit where it is long.
		x, room := labelW+w+4, width-(labelW+w+4)
		fit := ""
		if float64(len([]rune(bar.Text)))*5.5 > room {
			fit = fmt.Sprintf(` textLength="%.1f" lengthAdjust="spacingAndGlyphs"`, room)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%g" font-size="10"%s>%s</text>`, x, y+12, fit, esc(bar.Text))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// Part is one segment of a stacked bar: a count, its label, and the class
// that colours it.
type Part struct {
	Label string
	Count int
	Class string // e.g. "status-met"; the stylesheet colours it
}

// Stacked draws rows of stacked horizontal bars as an inline SVG, each row
// a label and its parts, every part as wide as its count and labelled with
// it. Like Progress it is static and sized by its container.
func Stacked(label string, rows []string, parts [][]Part) template.HTML {
	const width, rowH, labelW = 520.0, 22.0, 180.0
	total := 0
	for _, ps := range parts {
		n := 0
		for _, p := range ps {
			n += p.Count
		}
		total = max(total, n)
	}
	if total == 0 {
		total = 1
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="stacked" viewBox="0 0 %g %g" role="img" aria-label="%s">`, width, rowH*float64(len(rows)), esc(label))
	for i, row := range rows {
		y := float64(i) * rowH
		fmt.Fprintf(&b, `<text x="0" y="%g" font-size="10">%s</text>`, y+14, esc(truncate(row, 34)))
		x := labelW
		for _, p := range parts[i] {
			if p.Count == 0 {
				continue
			}
			w := (width - labelW) * float64(p.Count) / float64(total)
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%g" width="%.1f" height="%g"><title>%s: %d</title></rect>`, esc(p.Class), x, y+3, w, rowH-6, esc(p.Label), p.Count)
			if w > 14 {
				fmt.Fprintf(&b, `<text x="%.1f" y="%g" font-size="9" text-anchor="middle">%d</text>`, x+w/2, y+14, p.Count)
			}
			x += w
		}
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
