package site

import (
	"html/template"
	"strconv"
	"strings"

	"reportsite/internal/dataset"
)

// Search, as the pages carry it. The build indexes the finished site with
// Pagefind (package search); the layouts say what is indexed:
//
//   - the reports' text and the editorial pages (home introduction, about,
//     data) form the group "text", which the search page lists first, so
//     that a topic finds the report paragraph that speaks of it before the
//     page that counts it;
//   - indicator pages (their names and definitions) and year pages (their
//     titles and overviews) form the group "reference", listed after;
//   - the comparison, targets and indicator-index pages, tables, charts,
//     figure lists and navigation are not indexed.
//
// Each indexed page carries its SearchTags in a hidden element: the line
// shown above its title in the results, its group, and the values it is
// found by under each filter of the search page (region, year, report).

// SearchPath is the search page's path below a language's folder.
const SearchPath = "search/"

// SearchScript is the search page's own script, which loads Pagefind's
// index only when the reader searches.
const SearchScript = "assets/js/search.js"

// SearchTags are what the search index records of a page besides its
// text.
type SearchTags struct {
	Kicker  string         // the line above the page's title in the results
	Filters []SearchFilter // the filter values it is found by
}

// SearchFilter is one value of one filter: region=chongqing.
type SearchFilter struct{ Name, Value string }

// The filters of the search page, by the name Pagefind records them under,
// and the groups its results are listed in.
const (
	FilterRegion = "region"
	FilterYear   = "year"
	FilterReport = "report"
	FilterGroup  = "group" // GroupText, then GroupReference

	GroupText      = "text"
	GroupReference = "reference"
)

// SearchTags writes the page's tags for the search index (the partial
// "search-tags"), or nothing on a page of a kind that has none. Many pages
// have the same tags (every indicator of a category), so each set of tags
// is rendered once per build.
func (v *View) SearchTags() (template.HTML, error) {
	t := v.searchTags()
	if t.Kicker == "" && len(t.Filters) == 0 {
		return "", nil
	}
	var key strings.Builder
	key.WriteString(t.Kicker)
	for _, f := range t.Filters {
		key.WriteString("\x00" + f.Name + ":" + f.Value)
	}
	return v.Site.templates.Partial("search-tags", key.String(), t)
}

// searchTags are the page's tags for the search index, by the kind of
// page; a page of another kind has none.
func (v *View) searchTags() SearchTags {
	lang := v.langOr("zh")
	text := SearchFilter{FilterGroup, GroupText}
	reference := SearchFilter{FilterGroup, GroupReference}
	switch d := v.Data.(type) {
	case *ReportPage:
		r := d.Report
		t := SearchTags{Kicker: strings.Join([]string{v.T("report.kind." + r.Kind), v.Region(r.Region), r.Period.Label(lang)}, " · "),
			Filters: []SearchFilter{text, {FilterRegion, r.Region}, {FilterReport, r.ID}}}
		for _, y := range d.Years {
			t.Filters = append(t.Filters, SearchFilter{FilterYear, strconv.Itoa(y)})
		}
		return t
	case *HomePage:
		return SearchTags{Kicker: v.SiteTitle(), Filters: []SearchFilter{text}}
	case *AboutPage:
		return SearchTags{Kicker: v.T("nav.about"), Filters: []SearchFilter{text}}
	case *DataPage:
		return SearchTags{Kicker: v.T("nav.data"), Filters: []SearchFilter{text}}
	case *YearPage:
		return SearchTags{Kicker: v.T("search.kicker.year"), Filters: []SearchFilter{reference, {FilterYear, strconv.Itoa(d.Year)}}}
	case *IndicatorPage:
		in := d.Indicator
		return SearchTags{Kicker: v.T("search.kicker.indicator") + " · " + v.Category(in.Category), Filters: []SearchFilter{reference}}
	}
	return SearchTags{}
}

// SearchPage is the data of the search page: whether the build has a
// search index, and the filters a reader can narrow the results by.
type SearchPage struct {
	Available bool
	Filters   []SearchFilterGroup
}

// SearchFilterGroup is one filter of the search page: its name, as the
// pages record it and the page's address carries it (?region=chongqing),
// its legend, and its values.
type SearchFilterGroup struct {
	Name, Legend string
	Options      []SearchOption
}

// SearchOption is one value of a filter of the search page, as the pages
// record it and as a reader reads it.
type SearchOption struct {
	Value, Label string
	Lang         string // set when the label is in another script than the page
}

func (s *Site) searchPage(lang string) *SearchPage {
	regions := SearchFilterGroup{Name: FilterRegion, Legend: s.t(lang, "search.filter.region")}
	years := SearchFilterGroup{Name: FilterYear, Legend: s.t(lang, "search.filter.year")}
	reports := SearchFilterGroup{Name: FilterReport, Legend: s.t(lang, "search.filter.report")}
	used := map[string]bool{}
	for _, r := range s.Data.Reports {
		used[r.Region] = true
		o := SearchOption{Value: r.ID, Label: r.Title(lang)}
		if lang == "zh" && r.Script != "Hans" {
			o.Lang = "zh-" + r.Script
		}
		reports.Options = append(reports.Options, o)
	}
	for _, r := range dataset.Regions {
		if used[r.ID] {
			regions.Options = append(regions.Options, SearchOption{Value: r.ID, Label: r.Name(lang)})
		}
	}
	for _, y := range s.Years {
		years.Options = append(years.Options, SearchOption{Value: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	return &SearchPage{Available: s.search, Filters: []SearchFilterGroup{regions, years, reports}}
}

// SearchStrings are the interface strings the search page's script shows,
// in the page's language; %d and %s are filled in by the script, and
// plural forms are chosen by the CLDR rules of the page's language.
func (v *View) SearchStrings() map[string]string {
	lang := v.langOr("zh")
	m := map[string]string{}
	for _, k := range []string{"search.loading", "search.none", "search.error", "search.more", "search.prompt"} {
		m[strings.TrimPrefix(k, "search.")] = v.T(k)
	}
	for _, form := range []string{"one", "other"} {
		if v.Site.Strings.Has(lang, "search.results."+form) {
			m["results."+form] = v.T("search.results." + form)
		}
	}
	return m
}
