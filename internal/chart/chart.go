// Package chart turns a table of numbers into an ECharts option with
// go-echarts. It is the only place that knows ECharts: the site embeds the
// option as JSON in the page, beside an HTML table of the same numbers, and
// one site script (layouts/static/js/charts.js) draws every chart. Nothing
// here writes HTML or scripts, picks an asset host or a pixel size: charts
// are sized by their container and ECharts is served from the site.
package chart

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Spec is a grouped bar chart: one bar per category and series.
type Spec struct {
	ID         string   // deterministic, unique in the site, [a-z0-9-]
	Categories []string // labels, already in the page's language
	Series     []Series
	AxisName   string // the unit of the value axis, e.g. "%" or "亿元"
	// Description is the screen-reader description of the chart.
	Description string
}

// Series is one named row of values; NaN marks a missing value.
type Series struct {
	Name   string
	Values []float64
}

// Option returns the ECharts option for spec as JSON. go-echarts panics on
// some malformed input; that is recovered and returned as an error.
func Option(spec Spec) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("chart %s: %v", spec.ID, r)
		}
	}()
	for _, s := range spec.Series {
		if len(s.Values) != len(spec.Categories) {
			return nil, fmt.Errorf("chart %s: series %q has %d values for %d categories", spec.ID, s.Name, len(s.Values), len(spec.Categories))
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: spec.ID}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(spec.Series) > 1), Bottom: "0"}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: spec.Description}}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "12%", Bottom: "14%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rotation(spec.Categories)}}),
		charts.WithYAxisOpts(opts.YAxis{Name: spec.AxisName, Type: "value"}),
	)
	bar.SetXAxis(spec.Categories)
	for _, s := range spec.Series {
		data := make([]opts.BarData, len(s.Values))
		for i, v := range s.Values {
			if math.IsNaN(v) {
				data[i] = opts.BarData{Value: "-"} // ECharts' mark for a gap
			} else {
				data[i] = opts.BarData{Value: v}
			}
		}
		bar.AddSeries(s.Name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	}
	bar.Validate()
	obj := bar.JSON()
	delete(obj, "toolbox") // an empty toolbox component; the site offers CSV instead
	return json.Marshal(obj)
}

// rotation tilts long category labels so that they do not overlap.
func rotation(cats []string) float64 {
	longest := 0
	for _, c := range cats {
		longest = max(longest, len([]rune(c)))
	}
	if len(cats) > 3 && longest > 6 {
		return 30
	}
	return 0
}
