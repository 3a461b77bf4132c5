// Package dataset is the second stage of the pipeline: it reads the curated
// data — data/reports.toml, data/indicators.toml and data/figures/*.toml —
// parses each report's seed (package seed), applies the errata, and checks
// every figure against the text it claims to quote. What it returns is
// consistent: every reference resolves, every quote is found, every value
// is in its quote, every base value is derived from its unit.
package dataset

import (
	"io/fs"

	"reportsite/internal/diag"
)

// Dataset is everything the data files say, validated.
type Dataset struct {
	Reports    []*Report
	Indicators []*Indicator
	Figures    []*Figure
}

// Load reads and validates the data under fsys (the site root). It returns
// all problems found, errors and warnings; the Dataset is usable for display
// only when the list holds no errors.
func Load(fsys fs.FS) (*Dataset, diag.List) {
	d := &Dataset{}
	var errs diag.List
	var e diag.List
	d.Reports, e = loadReports(fsys)
	errs = append(errs, e...)
	d.Indicators, e = loadIndicators(fsys)
	errs = append(errs, e...)
	d.Figures, e = loadFigures(fsys, d)
	errs = append(errs, e...)
	for _, r := range d.Reports {
		r.text = nil // the quote index is needed only to check the figures
	}
	errs = append(errs, d.warnUnused()...)
	return d, errs
}

// Report returns the report with the given id, or nil.
func (d *Dataset) Report(id string) *Report {
	for _, r := range d.Reports {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Indicator returns the indicator with the given id, or nil.
func (d *Dataset) Indicator(id string) *Indicator {
	for _, in := range d.Indicators {
		if in.ID == id {
			return in
		}
	}
	return nil
}
