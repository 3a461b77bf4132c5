package site

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"reportsite/internal/dataset"
)

// The feeds: /{lang}/feed.xml, Atom 1.0 (RFC 4287), one entry per report
// and one per editorial page that gives the day of its last update, newest
// first.
//
// Every date comes from the data — a report's published (or updated) date,
// a page's updated — at the start of the day in China Standard Time, so
// that two builds of the same inputs give the same feed. Ids are UUIDs
// derived from the report's or page's name and the language (RFC 9562,
// version 5), not from the site's address: a feed reader that has seen an
// entry keeps recognising it when the site moves to another host.

// atomNS is the Atom namespace.
const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Rights   string      `xml:"rights,omitempty"`
	Entries  []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Author     *atomPerson    `xml:"author"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary"`

	at time.Time // Updated, for sorting
}

// FeedURL is the address of a language's feed.
func (s *Site) FeedURL(lang string) string { return s.Base + lang + "/feed.xml" }

// feedID is the stable id of an entry (or, for "feed", of the feed).
func feedID(lang, name string) string {
	space := uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:reportsite:feeds"))
	return "urn:uuid:" + uuid.NewSHA1(space, []byte(lang+"/"+name)).String()
}

// rfc3339 writes a time as Atom wants it.
func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// feed is the Atom feed of a language.
func (s *Site) feed(lang string) ([]byte, error) {
	t := func(k string) string { return s.t(lang, k) }
	f := atomFeed{
		Lang:     hreflang(lang),
		ID:       feedID(lang, "feed"),
		Title:    s.Title(lang),
		Subtitle: s.Description(lang),
		Author:   atomPerson{Name: s.Title(lang), URI: s.Base + lang + "/"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.FeedURL(lang)},
			{Rel: "alternate", Type: "text/html", HrefLang: hreflang(lang), Href: s.Base + lang + "/"},
		},
		Rights: s.License(lang),
	}
	for _, r := range s.Data.Reports {
		e := atomEntry{
			ID:        feedID(lang, "reports/"+r.ID),
			Title:     r.Title(lang),
			Published: rfc3339(r.Published.Time()),
			Author:    &atomPerson{Name: r.Issuer(lang)},
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", HrefLang: hreflang(lang), Href: s.ReportURL(lang, r.ID)}},
			Categories: []atomCategory{
				{Term: r.Region, Label: s.regionName(r.Region, lang)},
				{Term: r.Kind, Label: t("report.kind." + r.Kind)},
			},
			Summary: r.Summary(lang),
			at:      lastChange(r),
		}
		if r.URL != "" {
			e.Links = append(e.Links, atomLink{Rel: "via", Type: "text/html", Href: r.URL})
		}
		e.Updated = rfc3339(e.at)
		f.Entries = append(f.Entries, e)
	}
	onSite := map[string]bool{}
	for _, p := range s.pages {
		onSite[p.URL] = true
	}
	for _, key := range sortedKeys(s.Content) {
		p := s.Content[key]
		if p.Lang != lang || p.Updated == "" || !onSite[pageURL(lang, p.Name)] {
			continue
		}
		d, err := dataset.ParseDate(p.Updated) // checked when the page was read
		if err != nil {
			continue
		}
		e := atomEntry{
			ID:      feedID(lang, "pages/"+p.Name),
			Title:   p.Title,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", HrefLang: hreflang(lang), Href: s.Base + pageURL(lang, p.Name)}},
			Summary: p.Description,
			at:      d.Time(),
		}
		if e.Summary == "" {
			e.Summary = p.Title
		}
		e.Updated = rfc3339(e.at)
		f.Entries = append(f.Entries, e)
	}
	// Newest first; entries of the same day in the order of the data.
	slices.SortStableFunc(f.Entries, func(a, b atomEntry) int { return b.at.Compare(a.at) })
	var latest time.Time
	for _, e := range f.Entries {
		if e.at.After(latest) {
			latest = e.at
		}
	}
	if latest.IsZero() {
		latest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // no entries: a fixed date, never the time of the build
	}
	f.Updated = rfc3339(latest)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// lastChange is when a report's pages last changed: its updated date, or
// the day it was published.
func lastChange(r *dataset.Report) time.Time {
	if !r.Updated.IsZero() {
		return r.Updated.Time()
	}
	return r.Published.Time()
}

// pageURL is the address, below the base, of an editorial page: about is
// {lang}/about/, index the home page, years/2020 the year's page.
func pageURL(lang, name string) string {
	if name == "index" {
		return lang + "/"
	}
	return lang + "/" + strings.TrimSuffix(name, "/") + "/"
}

// regionName is a region's name in a language.
func (s *Site) regionName(id, lang string) string {
	r, _ := dataset.RegionByID(id)
	return r.Name(lang)
}
