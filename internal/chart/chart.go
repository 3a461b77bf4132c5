// Package chart is the chart grammar of the site: it decides how the
// figures of an indicator, or the comparable pairs of the comparison page,
// are drawn, and builds each chart's ECharts option with go-echarts, the
// same numbers as a table, and the list of figures it could not draw with
// the reason. docs/CHARTS.md writes the grammar down; in short:
//
//   - growth rates and shares are drawn over time, each value as a
//     segment that spans its period (January–November is not a full year;
//     a two-year average spans two years);
//   - levels are bars from zero, one category per period;
//   - actual, expected and target values are separate series that look
//     different (solid, hatched and lighter, outlined), each with the
//     ECharts id {region}-{kind};
//   - totals to date and new items in a period are never in one chart;
//   - ranks, changes, rates per year and ranges are not drawn as levels:
//     they are listed under the chart, with the reason, as is every figure
//     a chart leaves out.
//
// It is the only place that knows ECharts: the site embeds the option as
// JSON in the page, beside the table, and one site script
// (layouts/static/js/charts.js) draws every chart. Nothing here writes HTML
// or scripts, picks an asset host or a pixel size: charts are sized by
// their container and ECharts is served from the site.
package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"reportsite/internal/dataset"
)

// Labels gives a chart the words of its page's language.
type Labels struct {
	Lang string
	// T returns an interface string (data/i18n): kind names, reasons.
	T func(key string) string
}

// Chart is a chart as a page shows it.
type Chart struct {
	ID      string // unique in the site, [a-z0-9-]; the element id is "chart-"+ID
	Lang    string
	Title   string
	Unit    string   // what the values are in, for the axis and the caption
	Caveats []string // what a reader must keep in mind, already in the language
	Option  []byte   // the ECharts option, JSON
	Head    []string // the table's column headings
	Rows    []Row
	Figures []*dataset.Figure // every figure drawn, in table order
	CSV     string            // the path of its data below the base
}

// Row is one category of a chart's table, one cell per series.
type Row struct {
	Label string
	Cells []*dataset.Figure // nil where the series has no value
}

// Omission is a figure a chart leaves out, and why (a key of the interface
// strings, "chart.omit.rank" …).
type Omission struct {
	Figure *dataset.Figure
	Reason string
}

// Reasons a figure is not drawn.
const (
	OmitRank      = "chart.omit.rank"      // a place in a ranking is not a quantity
	OmitChange    = "chart.omit.change"    // a change is not a level
	OmitPer       = "chart.omit.per"       // a rate per year is not a total
	OmitRange     = "chart.omit.range"     // a range has no one value to draw
	OmitSingle    = "chart.omit.single"    // the only figure of its kind: see the table
	OmitDuplicate = "chart.omit.duplicate" // another figure of the same series and period is drawn
)

// series is one region and kind: its ECharts id is region-kind.
type series struct{ region, kind string }

func (s series) id() string { return s.region + "-" + s.kind }

// panel is the figures that go into one chart, of one measure.
type panel struct {
	suffix string // "", "-total", "-new" for the chart id
	title  string // key of the panel's subtitle, or ""
	time   bool   // rates and shares: segments over time; otherwise bars
	figs   []*dataset.Figure
}

// Indicator draws the figures of one indicator (in table order): one chart
// for its rates or shares, or up to two for its levels (totals to date,
// new in the period), and the figures that no chart can hold, with the
// reason.
//
// A number quoted in several places is drawn once: figs are taken each
// number once (dataset.Distinct).
func Indicator(in *dataset.Indicator, figs []*dataset.Figure, l Labels) ([]*Chart, []Omission, error) {
	figs = dataset.Distinct(figs)
	var omitted []Omission
	var rates, totals, flows []*dataset.Figure
	for _, f := range figs {
		b := dataset.BaseUnits[f.Unit.Base]
		switch {
		case b.Rank:
			omitted = append(omitted, Omission{f, OmitRank})
		case f.Change != "":
			omitted = append(omitted, Omission{f, OmitChange})
		case f.Per != "":
			omitted = append(omitted, Omission{f, OmitPer})
		case f.IsRange:
			omitted = append(omitted, Omission{f, OmitRange})
		case b.Percent || f.Unit.Base == "个百分点":
			rates = append(rates, f)
		case f.Cumulative:
			totals = append(totals, f)
		default:
			flows = append(flows, f)
		}
	}
	panels := []panel{{time: true, figs: rates}}
	if len(totals) > 0 && len(flows) > 0 {
		panels = append(panels, panel{suffix: "-total", title: "chart.totals", figs: totals}, panel{suffix: "-new", title: "chart.new", figs: flows})
	} else {
		panels = append(panels, panel{figs: append(totals, flows...)})
	}
	var out []*Chart
	for _, p := range panels {
		if len(p.figs) == 1 {
			omitted = append(omitted, Omission{p.figs[0], OmitSingle})
			continue
		}
		if len(p.figs) == 0 {
			continue
		}
		title := in.Name(l.Lang)
		if p.title != "" {
			title += l.sep() + l.T(p.title)
		}
		c, om, err := draw("ind-"+in.ID+p.suffix, title, p.figs, p.time, l)
		if err != nil {
			return nil, nil, err
		}
		omitted = append(omitted, om...)
		if len(c.Figures) > 1 {
			out = append(out, c)
		} else {
			for _, f := range c.Figures {
				omitted = append(omitted, Omission{f, OmitSingle})
			}
		}
	}
	return out, omitted, nil
}

func (l Labels) sep() string {
	if l.Lang == "zh" {
		return "：" // full-width colon
	}
	return ": "
}

// seriesOf lists the series of the figures in a fixed order: region, then
// actual, expected, target.
func seriesOf(figs []*dataset.Figure) []series {
	seen := map[series]bool{}
	var out []series
	for _, f := range figs {
		s := series{f.Region, f.Kind}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	rank := func(s series) int {
		r := 0
		for i, g := range dataset.Regions {
			if g.ID == s.region {
				r = i * 10
			}
		}
		for i, k := range dataset.FigureKinds {
			if k == s.kind {
				r += i
			}
		}
		return r
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// draw builds one chart of figures of one measure: bars by period, or
// segments over time.
func draw(id, title string, figs []*dataset.Figure, overTime bool, l Labels) (*Chart, []Omission, error) {
	c := &Chart{ID: id, Lang: l.Lang, Title: title, CSV: "data/charts/" + id + ".csv"}
	ss := seriesOf(figs)
	// One row per period (the category of a bar chart), one cell per
	// series; a second figure for the same cell is left out.
	type cell struct {
		period string
		s      series
	}
	cells := map[cell]*dataset.Figure{}
	var periods []dataset.Period
	seenPeriod := map[string]bool{}
	var omitted []Omission
	for _, f := range figs {
		k := cell{f.PeriodRaw, series{f.Region, f.Kind}}
		if cells[k] != nil {
			omitted = append(omitted, Omission{f, OmitDuplicate})
			continue
		}
		cells[k] = f
		if !seenPeriod[f.PeriodRaw] {
			seenPeriod[f.PeriodRaw] = true
			periods = append(periods, f.Period)
		}
	}
	sort.SliceStable(periods, func(i, j int) bool {
		if periods[i].To != periods[j].To {
			return periods[i].To < periods[j].To
		}
		return periods[i].From < periods[j].From
	})
	maxV := 0.0
	for _, f := range cells {
		maxV = max(maxV, math.Abs(f.ValueBase))
	}
	div, unit := scale(maxV, figs[0], l.Lang)
	c.Unit = unit
	c.Head = []string{l.T("chart.period")}
	for _, s := range ss {
		c.Head = append(c.Head, seriesName(s, l))
	}
	var desc []string
	for _, p := range periods {
		row := Row{Label: periodLabel(p, l)}
		for _, s := range ss {
			f := cells[cell{p.Text, s}]
			row.Cells = append(row.Cells, f)
			if f != nil {
				c.Figures = append(c.Figures, f)
				desc = append(desc, row.Label+" "+seriesName(s, l)+" "+f.Display(l.Lang))
			}
		}
		c.Rows = append(c.Rows, row)
	}
	for _, f := range c.Figures {
		if f.PeriodInferred {
			c.Caveats = append(c.Caveats, l.T("chart.caveat.inferred"))
			break
		}
	}
	aria := c.Title + l.sep() + strings.Join(desc, map[bool]string{true: "；", false: "; "}[l.Lang == "zh"])
	at := func(p dataset.Period, s series) *dataset.Figure { return cells[cell{p.Text, s}] }
	var err error
	if overTime {
		c.Option, err = timeOption(c, ss, periods, at, div, aria, l)
	} else {
		c.Option, err = barOption(c, ss, func(row int, s series) *dataset.Figure { return at(periods[row], s) }, div, aria, l)
	}
	return c, omitted, err
}

// periodLabel is a period as a row or category label: "Jan–Nov 2020",
// "2020–2021".
func periodLabel(p dataset.Period, l Labels) string { return p.Label(l.Lang) }

// seriesName is "Chongqing · target".
func seriesName(s series, l Labels) string {
	r, _ := dataset.RegionByID(s.region)
	return r.Name(l.Lang) + " · " + l.T("kind."+s.kind)
}

// itemName is what the tooltip of one value says: the region and kind, the
// period, the value as written, and for a target the report that set it.
func itemName(f *dataset.Figure, s series, l Labels) string {
	name := seriesName(s, l) + l.sep() + f.Display(l.Lang) + " (" + f.Period.Label(l.Lang)
	if f.Kind == dataset.Target {
		name += ", " + fmt.Sprintf(l.T("chart.set_in"), f.Report.Published.Label(l.Lang))
	}
	if f.PeriodInferred {
		name += ", " + l.T("fig.period_inferred")
	}
	return name + ")"
}

// colours of the regions; kinds differ by fill, not colour.
var colours = map[string]string{"chongqing": "#1f5fa8", "sichuan": "#c2571a", "chengdu-chongqing": "#3a7d3a", "china": "#6b6b6b"}

// scale picks the divisor and unit label for a chart's axis: values in 亿元
// or billion yuan rather than 12 digits.
func scale(maxV float64, f *dataset.Figure, lang string) (float64, string) {
	b := dataset.BaseUnits[f.Unit.Base]
	switch {
	case b.Percent:
		return 1, "%"
	case f.Unit.Base == "个百分点":
		if lang == "zh" {
			return 1, "个百分点"
		}
		return 1, "percentage points"
	}
	type step struct {
		div  float64
		name string
	}
	steps := []step{{1e12, "万亿"}, {1e8, "亿"}, {1e4, "万"}, {1, ""}}
	noun := f.Unit.Base
	if f.Unit.IsCount() {
		noun = f.Indicator.Counts(lang, false)
	}
	if lang == "en" {
		steps = []step{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}, {1, ""}}
		if !f.Unit.IsCount() {
			noun = b.Other
		}
	}
	for _, st := range steps {
		if maxV >= st.div {
			if lang == "en" {
				return st.div, strings.TrimSpace(st.name + " " + noun)
			}
			return st.div, st.name + noun
		}
	}
	return 1, noun
}

// round4 keeps the values of an option short and exact to the digits shown.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// style gives a series the look of its kind: actual solid, expected lighter
// and hatched, target outlined and dashed.
func style(s series, bar bool) map[string]any {
	col := colours[s.region]
	switch s.kind {
	case dataset.Expected:
		item := map[string]any{"color": col, "opacity": 0.55, "decal": map[string]any{"symbol": "rect", "dashArrayX": []int{1, 0}, "dashArrayY": []int{3, 3}, "rotation": -0.785, "color": "rgba(255,255,255,0.6)"}}
		return map[string]any{"itemStyle": item, "lineStyle": map[string]any{"color": col, "type": "dotted", "width": 3}}
	case dataset.Target:
		item := map[string]any{"color": col, "borderColor": col, "borderWidth": 2}
		if bar {
			item["color"] = "rgba(255,255,255,0)"
			item["borderType"] = "dashed"
		}
		return map[string]any{"itemStyle": item, "lineStyle": map[string]any{"color": col, "type": "dashed", "width": 2}, "symbol": "emptyCircle", "symbolSize": 9}
	}
	return map[string]any{"itemStyle": map[string]any{"color": col}, "lineStyle": map[string]any{"color": col, "width": 3}}
}

// barOption is a bar chart from zero: one category per row, one series per
// region and kind.
func barOption(c *Chart, ss []series, at func(row int, s series) *dataset.Figure, div float64, aria string, l Labels) ([]byte, error) {
	cats := make([]string, len(c.Rows))
	for i, r := range c.Rows {
		cats[i] = r.Label
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(globalOpts(c, aria)...)
	bar.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rotation(cats)}}),
		charts.WithYAxisOpts(opts.YAxis{Name: c.Unit, Type: "value"}),
	)
	bar.SetXAxis(cats)
	for _, s := range ss {
		data := make([]opts.BarData, len(cats))
		for i := range cats {
			if f := at(i, s); f != nil {
				data[i] = opts.BarData{Value: round4(f.ValueBase / div), Name: itemName(f, s, l)}
			} else {
				data[i] = opts.BarData{Value: "-"} // ECharts' mark for no value
			}
		}
		bar.AddSeries(seriesName(s, l), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	}
	bar.Validate() // puts the categories on the axis
	return finish(bar.JSON, ss, true)
}

// timeOption draws each value as a segment over its period on a time axis.
func timeOption(c *Chart, ss []series, periods []dataset.Period, at func(dataset.Period, series) *dataset.Figure, div float64, aria string, l Labels) ([]byte, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(globalOpts(c, aria)...)
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "time"}),
		charts.WithYAxisOpts(opts.YAxis{Name: c.Unit, Type: "value"}),
	)
	for _, s := range ss {
		var data []opts.LineData
		for _, p := range periods {
			f := at(p, s)
			if f == nil {
				continue
			}
			v := round4(f.ValueBase / div)
			name := itemName(f, s, l)
			data = append(data,
				opts.LineData{Value: []any{day(p.From, false), v}, Name: name, Symbol: "none"},
				opts.LineData{Value: []any{day(p.To, true), v}, Name: name},
				opts.LineData{Value: []any{day(p.To, true), "-"}}) // ends the segment
		}
		line.AddSeries(seriesName(s, l), data)
	}
	line.Validate()
	return finish(line.JSON, ss, false)
}

// day is the first or last day of a month, as an ECharts time value.
func day(m dataset.Month, last bool) string {
	t := time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, time.UTC)
	if last {
		t = t.AddDate(0, 1, -1)
	}
	return t.Format("2006-01-02")
}

// globalOpts are what every chart has: an id, the tooltip, the legend,
// the screen-reader description, the grid.
func globalOpts(c *Chart, aria string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: "chart-" + c.ID}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: aria}}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "12%", Bottom: "16%", ContainLabel: opts.Bool(true)}),
	}
}

// finish adds what go-echarts does not model — each series' id, its look,
// the tooltip that shows a value's own words — and returns the JSON.
// go-echarts panics on some malformed input; that is recovered and
// returned as an error.
func finish(build func() map[string]any, ss []series, bar bool) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("chart: %v", r)
		}
	}()
	// A round trip through JSON gives plain maps and lists to add to.
	raw, err := json.Marshal(build())
	if err != nil {
		return nil, err
	}
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	delete(obj, "toolbox") // an empty toolbox component; the site offers CSV instead
	list, _ := obj["series"].([]any)
	if len(list) != len(ss) {
		return nil, fmt.Errorf("chart: %d series for %d", len(list), len(ss))
	}
	for i, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("chart: series %d is not an object", i)
		}
		m["id"] = ss[i].id()
		for k, v := range style(ss[i], bar) {
			m[k] = v
		}
		if !bar {
			m["connectNulls"] = false
			m["showSymbol"] = true
		}
		m["tooltip"] = map[string]any{"formatter": "{b}"}
		list[i] = m
	}
	obj["series"] = list
	return json.Marshal(obj)
}

// Pair is one indicator's two figures on a comparison chart.
type Pair struct {
	Label              string // the indicator's name
	Chongqing, Sichuan *dataset.Figure
}

// Compare draws comparable pairs of one period, kind and measure as paired
// bars, one category per indicator, with the caveats of the pairs under it.
func Compare(id, title string, pairs []Pair, caveats []string, l Labels) (*Chart, error) {
	c := &Chart{ID: id, Lang: l.Lang, Title: title, Caveats: caveats, CSV: "data/charts/" + id + ".csv"}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("chart %s: no pairs", id)
	}
	kind := pairs[0].Chongqing.Kind
	ss := []series{{"chongqing", kind}, {"sichuan", kind}}
	maxV := 0.0
	for _, p := range pairs {
		maxV = max(maxV, math.Abs(p.Chongqing.ValueBase), math.Abs(p.Sichuan.ValueBase))
	}
	div, unit := scale(maxV, pairs[0].Chongqing, l.Lang)
	c.Unit = unit
	c.Head = []string{l.T("chart.indicator"), seriesName(ss[0], l), seriesName(ss[1], l)}
	var desc []string
	for _, p := range pairs {
		c.Rows = append(c.Rows, Row{Label: p.Label, Cells: []*dataset.Figure{p.Chongqing, p.Sichuan}})
		c.Figures = append(c.Figures, p.Chongqing, p.Sichuan)
		desc = append(desc, p.Label+" "+seriesName(ss[0], l)+" "+p.Chongqing.Display(l.Lang)+", "+seriesName(ss[1], l)+" "+p.Sichuan.Display(l.Lang))
	}
	aria := c.Title + l.sep() + strings.Join(desc, map[bool]string{true: "；", false: "; "}[l.Lang == "zh"])
	var err error
	c.Option, err = barOption(c, ss, func(row int, s series) *dataset.Figure {
		if s.region == "chongqing" {
			return pairs[row].Chongqing
		}
		return pairs[row].Sichuan
	}, div, aria, l)
	return c, err
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
