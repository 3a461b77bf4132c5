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
		fmt.Fprintf(&b, `<text x="0" y="%g" font-size="10">%s</text>`, y+12, esc(bar.Label))
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
		fmt.Fprintf(&b, `<text x="%.1f" y="%g" font-size="10">%s</text>`, labelW+w+4, y+12, esc(bar.Text))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}
