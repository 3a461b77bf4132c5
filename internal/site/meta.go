package site

import (
	"encoding/json"
	"html/template"
	"strings"

	"reportsite/internal/dataset"
	"reportsite/internal/diag"
)

// What a page says about itself to search engines, feed readers and social
// sites, in its <head> (Frame.Meta, written by frame.go): its canonical
// address, the feeds, Open Graph and Twitter card metadata, and schema.org
// structured data (JSON-LD): a Report on report pages, a Dataset on the
// data page. Every address in them is absolute when the base URL is (see
// BaseWarning).

// CardPath is the site's card, the image shown where a page is shared: a
// PNG of CardWidth × CardHeight made by cmd/sitecard, kept in
// layouts/static/.
const (
	CardPath   = "assets/card.png"
	CardWidth  = 1200
	CardHeight = 630
)

// Absolute reports whether the base URL is absolute (https://…), as the
// sitemap, the feeds and the cards need it to be.
func (s *Site) Absolute() bool {
	return strings.HasPrefix(s.Base, "https://") || strings.HasPrefix(s.Base, "http://")
}

// BaseWarning is the warning that a build with a path as its base URL
// gets, or nil: a local build is fine to browse, but its sitemap, feeds and
// cards hold addresses without a host, which search engines, feed readers
// and social sites do not accept.
func (s *Site) BaseWarning(flag bool) *diag.Error {
	if s.Absolute() {
		return nil
	}
	pos := s.At("base_url")
	if flag {
		pos = diag.Pos{File: "-base-url"}
	}
	return &diag.Error{Pos: pos, Severity: diag.SevWarning,
		Msg:  "the base URL " + s.Base + " is a path: sitemap.xml, the feeds, the cards (og:url, og:image) and the structured data need an absolute base URL to be valid",
		Hint: "fine for a local build; to publish, build with -base-url https://OWNER.github.io/REPO/"}
}

// Card is the image of a page's social card.
type Card struct {
	URL           string
	Width, Height int
	Alt           string
}

// Card is the site's card, described in the page's language.
func (v *View) Card() Card {
	return Card{URL: v.Href(CardPath), Width: CardWidth, Height: CardHeight, Alt: v.T("meta.card_alt")}
}

// OGType is the Open Graph type: article for a report, website otherwise.
func (v *View) OGType() string {
	if v.Layout == "report" {
		return "article"
	}
	return "website"
}

// OGLocale is the page's Open Graph locale, and OGAltLocale its twin's.
func (v *View) OGLocale() string { return ogLocale(v.langOr("zh")) }

// OGAltLocale is the Open Graph locale of the page's other language.
func (v *View) OGAltLocale() string {
	if v.langOr("zh") == "zh" {
		return ogLocale("en")
	}
	return ogLocale("zh")
}

func ogLocale(lang string) string {
	if lang == "zh" {
		return "zh_CN"
	}
	return "en_US"
}

// Published is the day a report page's report was published (for
// article:published_time), or "".
func (v *View) Published() string {
	if rp, ok := v.Data.(*ReportPage); ok {
		return rp.Report.Published.String()
	}
	return ""
}

// Feed is a feed linked from a page's head.
type Feed struct {
	Title, Href string
}

// Feeds are the feeds a page links to: its language's, or both on the
// pages in both languages.
func (v *View) Feeds() []Feed {
	langs := []string{v.Lang}
	if v.Lang == "" {
		langs = v.Site.Languages
	}
	var out []Feed
	for _, l := range langs {
		out = append(out, Feed{Title: v.Site.t(l, "meta.feed_title"), Href: v.Site.FeedURL(l)})
	}
	return out
}

// ld is a JSON-LD node; encoding/json writes its keys sorted, so that the
// output does not depend on map order.
type ld = map[string]any

// StructuredData is the page's schema.org JSON-LD, safe to put in a
// <script type="application/ld+json"> (encoding/json escapes <, > and &),
// or "" for a page without.
func (v *View) StructuredData() (template.JS, error) {
	var node any
	switch d := v.Data.(type) {
	case *ReportPage:
		node = v.reportLD(d.Report)
	case *DataPage:
		node = v.datasetLD(d)
	default:
		return "", nil
	}
	b, err := json.Marshal(node)
	return template.JS(b), err
}

// The nodes of a report page, as structs rather than maps (ld), whose keys
// encoding/json sorted on every report page. Their fields are in
// the order of their keys, as encoding/json writes a map's, so that the
// bytes are those of a map; omitempty marks the keys set only when there
// is a value.
type (
	reportNode struct {
		Context           string       `json:"@context"`
		ID                string       `json:"@id"`
		Type              string       `json:"@type"`
		Author            orgNode      `json:"author"`
		DateModified      string       `json:"dateModified,omitempty"`
		DatePublished     string       `json:"datePublished"`
		Description       string       `json:"description"`
		InLanguage        string       `json:"inLanguage"`
		IsBasedOn         originalNode `json:"isBasedOn"`
		IsPartOf          namedNode    `json:"isPartOf"`
		Name              string       `json:"name"`
		ReportNumber      string       `json:"reportNumber,omitempty"`
		SpatialCoverage   namedNode    `json:"spatialCoverage"`
		TemporalCoverage  string       `json:"temporalCoverage"`
		TranslationOfWork *idNode      `json:"translationOfWork,omitempty"`
		Translator        *namedNode   `json:"translator,omitempty"`
		URL               string       `json:"url"`
		WorkTranslation   *idNode      `json:"workTranslation,omitempty"`
	}
	originalNode struct {
		Type          string     `json:"@type"`
		Author        orgNode    `json:"author"`
		DatePublished string     `json:"datePublished"`
		InLanguage    string     `json:"inLanguage"`
		Name          string     `json:"name"`
		Publisher     *namedNode `json:"publisher,omitempty"`
		ReportNumber  string     `json:"reportNumber,omitempty"`
		URL           string     `json:"url,omitempty"`
	}
	orgNode struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
		Name          string `json:"name"`
	}
	namedNode struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	idNode struct {
		ID string `json:"@id"`
	}
)

func (v *View) reportLD(r *dataset.Report) reportNode {
	lang, s := v.langOr("zh"), v.Site
	other := v.Other()
	inLang := "en"
	if lang == "zh" {
		inLang = "zh-" + r.Script
	}
	author := orgNode{Type: "GovernmentOrganization", Name: r.Issuer(lang), AlternateName: r.Issuer(other)}
	original := originalNode{Type: "Report", Name: r.TitleZh, InLanguage: "zh-" + r.Script, Author: author,
		DatePublished: r.Published.String(), ReportNumber: r.Number, URL: r.URL}
	if src := pick(lang, r.SourceZh, r.SourceEn); src != "" {
		original.Publisher = &namedNode{Type: "Organization", Name: src}
	}
	site := namedNode{Type: "WebSite", Name: s.Title(lang), URL: s.Base + lang + "/"}
	node := reportNode{
		Context:          "https://schema.org",
		Type:             "Report",
		ID:               v.Self() + "#report",
		URL:              v.Self(),
		Name:             r.Title(lang),
		Description:      r.Summary(lang),
		InLanguage:       inLang,
		Author:           author,
		DatePublished:    r.Published.String(),
		SpatialCoverage:  namedNode{Type: "Place", Name: s.regionName(r.Region, lang)},
		TemporalCoverage: r.Period.ISO(),
		IsBasedOn:        original,
		IsPartOf:         site,
		ReportNumber:     r.Number,
	}
	if !r.Updated.IsZero() {
		node.DateModified = r.Updated.String()
	}
	twin := &idNode{ID: s.ReportURL(other, r.ID) + "#report"}
	if lang == "zh" {
		node.WorkTranslation = twin
	} else {
		node.TranslationOfWork = twin
		node.Translator = &namedNode{Type: "Organization", Name: s.Title(lang), URL: s.Base + lang + "/"}
	}
	return node
}

// download is a file of the data page: its path, format, and the key of
// its description.
type download struct{ file, format, key string }

// downloads are the files of the data page.
func downloads() []download {
	return []download{
		{"data/figures.csv", "text/csv", "data.csv"},
		{"data/figures.json", "application/json", "data.json"},
		{"data/targets.csv", "text/csv", "data.targets"},
		{"data/targets.json", "application/json", "data.targets"},
		{"data/indicators.json", "application/json", "data.indicators_json"},
		{"data/reports.json", "application/json", "data.reports_json"},
	}
}

func (v *View) datasetLD(d *DataPage) ld {
	lang, s := v.langOr("zh"), v.Site
	var dist []ld
	for _, dl := range downloads() {
		dist = append(dist, ld{"@type": "DataDownload", "name": strings.TrimPrefix(dl.file, "data/"), "encodingFormat": dl.format,
			"contentUrl": v.Href(dl.file), "description": v.T(dl.key)})
	}
	var places []ld
	used := map[string]bool{}
	for _, f := range s.Data.Figures {
		used[f.Region] = true
	}
	for _, r := range dataset.Regions {
		if used[r.ID] {
			places = append(places, ld{"@type": "Place", "name": r.Name(lang)})
		}
	}
	// The indicators' categories as keywords: the indicators themselves,
	// hundreds of them, are in indicators.json.
	var keywords []string
	for _, g := range s.indicatorGroups() {
		keywords = append(keywords, v.Category(g.Category))
	}
	var sources []ld
	for _, r := range s.Data.Reports {
		sources = append(sources, ld{"@type": "Report", "name": r.Title(lang), "url": s.ReportURL(lang, r.ID)})
	}
	creator := ld{"@type": "Organization", "name": s.Title(lang), "url": s.Base + lang + "/"}
	node := ld{
		"@context":            "https://schema.org",
		"@type":               "Dataset",
		"@id":                 v.Self() + "#dataset",
		"url":                 v.Self(),
		"name":                v.T("data.dataset_name"),
		"description":         v.Sprintf("data.intro", v.Plural("count.figures", d.Figures), v.Plural("count.indicators", d.Indicators), v.Plural("count.reports", d.Reports)) + " " + v.T("data.method_text"),
		"inLanguage":          []string{"zh-Hans", "en"},
		"isAccessibleForFree": true,
		"creator":             creator,
		"publisher":           creator,
		"spatialCoverage":     places,
		"keywords":            keywords,
		"isBasedOn":           sources,
		"distribution":        dist,
	}
	if s.DataLicenseURL != "" {
		node["license"] = s.DataLicenseURL
	}
	if tc := s.temporalCoverage(); tc != "" {
		node["temporalCoverage"] = tc
	}
	return node
}

// temporalCoverage is the span of every figure's period in ISO 8601:
// "2019/2025", or "2020-01/2025-12" when it does not start and end with
// whole years.
func (s *Site) temporalCoverage() string {
	if len(s.Data.Figures) == 0 {
		return ""
	}
	p := s.Data.Figures[0].Period
	for _, f := range s.Data.Figures {
		p.From, p.To = min(p.From, f.Period.From), max(p.To, f.Period.To)
	}
	return p.ISO()
}

// CiteScript loads layouts/static/js/cite.js, which adds copy buttons to a
// report's citations and a citation button to every row of a table of
// figures, on the pages that have them; the page reads in full without
// it. The tag, with the strings of the script, is the same on every page of
// a language.
func (v *View) CiteScript() (template.HTML, error) {
	switch v.Layout {
	case "report", "indicator", "year", "compare":
		return v.Site.templates.Partial("cite-script", v.Lang, v)
	}
	return "", nil
}
