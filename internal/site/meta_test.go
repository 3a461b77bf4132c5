package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"
)

// abs is the base URL of a published build in these tests.
const abs = "https://owner.github.io/repo/"

var (
	absOnce  sync.Once
	absBuilt *Output
	absErr   error
)

// absSite is the real site built for publishing, with an absolute base URL.
func absSite(t *testing.T) *Output {
	t.Helper()
	absOnce.Do(func() {
		out, errs := Build(root, Options{BaseURL: abs})
		absBuilt, absErr = out, errs.Err()
	})
	if absErr != nil {
		t.Fatalf("Build: %v", absErr)
	}
	return absBuilt
}

// rootCopy is the real site's inputs in memory, to edit in a test.
func rootCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "data/") || strings.HasPrefix(p, "seeds/") || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "layouts/")) {
			return err
		}
		b, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func edit(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	src := string(fsys[file].Data)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
}

// The parts of an Atom document that RFC 4287 requires, read in the Atom
// namespace: an element outside it is not read, and fails the checks.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      []string `xml:"http://www.w3.org/2005/Atom id"`
	Title   []string `xml:"http://www.w3.org/2005/Atom title"`
	Updated []string `xml:"http://www.w3.org/2005/Atom updated"`
	Authors []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Links   []atomDocLink `xml:"http://www.w3.org/2005/Atom link"`
	Entries []struct {
		ID        []string `xml:"http://www.w3.org/2005/Atom id"`
		Title     []string `xml:"http://www.w3.org/2005/Atom title"`
		Updated   []string `xml:"http://www.w3.org/2005/Atom updated"`
		Published string   `xml:"http://www.w3.org/2005/Atom published"`
		Authors   []struct {
			Name string `xml:"http://www.w3.org/2005/Atom name"`
		} `xml:"http://www.w3.org/2005/Atom author"`
		Links   []atomDocLink `xml:"http://www.w3.org/2005/Atom link"`
		Summary string        `xml:"http://www.w3.org/2005/Atom summary"`
		Content string        `xml:"http://www.w3.org/2005/Atom content"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomDocLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// checkFeed checks a feed against the elements RFC 4287 requires — the
// feed's id, title, updated, self link, and an author unless every entry
// has one; each entry's id, title, updated, alternate link, and summary or
// content — with RFC 3339 dates, ids that are unique URIs, entries newest
// first, and every link absolute and below the base URL (or, for an
// entry's "via" link, the original publication). It returns the entries'
// alternate links.
func checkFeed(t *testing.T, name string, data []byte, base string) *atomDoc {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("%s: no XML declaration with UTF-8", name)
	}
	// Well-formed: the whole document decodes token by token.
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s is not well-formed XML: %v", name, err)
			}
			break
		}
	}
	var f atomDoc
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v (is the root element <feed> in the Atom namespace?)", name, err)
	}
	one := func(what string, vs []string) string {
		t.Helper()
		if len(vs) != 1 || strings.TrimSpace(vs[0]) == "" {
			t.Errorf("%s: %s: %d elements (%q), want exactly one, not empty", name, what, len(vs), vs)
			return ""
		}
		return vs[0]
	}
	date := func(what, s string) time.Time {
		t.Helper()
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Errorf("%s: %s %q is not an RFC 3339 date-time: %v", name, what, s, err)
		}
		return d
	}
	absolute := func(what, href string) {
		t.Helper()
		u, err := url.Parse(href)
		if err != nil || !u.IsAbs() || u.Host == "" {
			t.Errorf("%s: %s %q is not an absolute URL", name, what, href)
		}
	}
	uri := func(what, id string) {
		t.Helper()
		if u, err := url.Parse(id); err != nil || u.Scheme == "" {
			t.Errorf("%s: %s %q is not a URI", name, what, id)
		}
	}
	uri("feed id", one("feed id", f.ID))
	one("feed title", f.Title)
	feedUpdated := date("feed updated", one("feed updated", f.Updated))
	self := 0
	for _, l := range f.Links {
		absolute("feed link", l.Href)
		if l.Rel == "self" {
			self++
			if !strings.HasSuffix(name, strings.TrimPrefix(l.Href, base)) || !strings.HasPrefix(l.Href, base) {
				t.Errorf("%s: link rel=self %q is not the feed's own address", name, l.Href)
			}
		}
	}
	if self != 1 {
		t.Errorf("%s: %d links rel=self, want 1", name, self)
	}
	authors := len(f.Authors) > 0 && f.Authors[0].Name != ""
	ids := map[string]bool{}
	var last time.Time
	for i, e := range f.Entries {
		id := one("entry id", e.ID)
		uri("entry id", id)
		if ids[id] {
			t.Errorf("%s: entry id %s is used twice", name, id)
		}
		ids[id] = true
		one("entry title", e.Title)
		up := date("entry updated", one("entry updated", e.Updated))
		if e.Published != "" && date("entry published", e.Published).After(up) {
			t.Errorf("%s: entry %s published after it was updated", name, id)
		}
		if up.After(feedUpdated) {
			t.Errorf("%s: entry %s is newer than the feed", name, id)
		}
		if i > 0 && up.After(last) {
			t.Errorf("%s: entry %d is newer than the one before it: newest first", name, i)
		}
		last = up
		if !authors && (len(e.Authors) == 0 || e.Authors[0].Name == "") {
			t.Errorf("%s: entry %s has no author, and neither has the feed", name, id)
		}
		alternate := 0
		for _, l := range e.Links {
			absolute("entry link", l.Href)
			switch l.Rel {
			case "alternate":
				alternate++
				if !strings.HasPrefix(l.Href, base) {
					t.Errorf("%s: entry link %q is not below %s", name, l.Href, base)
				}
			case "via":
			default:
				t.Errorf("%s: entry link rel=%q", name, l.Rel)
			}
		}
		if alternate != 1 {
			t.Errorf("%s: entry %s has %d alternate links, want 1", name, id, alternate)
		}
		if strings.TrimSpace(e.Summary) == "" && strings.TrimSpace(e.Content) == "" {
			t.Errorf("%s: entry %s has neither summary nor content", name, id)
		}
	}
	return &f
}

// TestFeeds checks each language's feed against the Atom schema's required
// elements, with one entry per report, linking to pages that exist.
func TestFeeds(t *testing.T) {
	out := absSite(t)
	s, errs := Load(root, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for _, lang := range []string{"zh", "en"} {
		name := lang + "/feed.xml"
		f := checkFeed(t, abs+name, out.Files[name], abs)
		if want := map[string]string{"zh": "zh-Hans", "en": "en"}[lang]; f.Lang != want {
			t.Errorf("%s: xml:lang %q, want %q", name, f.Lang, want)
		}
		if len(f.Entries) != len(s.Data.Reports) {
			t.Errorf("%s: %d entries, want one per report (%d)", name, len(f.Entries), len(s.Data.Reports))
		}
		for _, e := range f.Entries {
			href := e.Links[0].Href
			if _, ok := out.Files[strings.TrimPrefix(href, abs)+"index.html"]; !ok {
				t.Errorf("%s: entry links to %s, which is not a page", name, href)
			}
		}
		// The newest report, the 2024 report published on 7 January 2025,
		// comes first, dated from the data.
		if e := f.Entries[0]; e.Updated[0] != "2025-01-07T00:00:00+08:00" || !strings.HasSuffix(e.Links[0].Href, "/reports/2024-chongqing-advanced-manufacturing/") {
			t.Errorf("%s: first entry %s (%s), want the 2024 report of 2025-01-07", name, e.Links[0].Href, e.Updated)
		}
	}
	if a, b := string(out.Files["zh/feed.xml"]), string(out.Files["en/feed.xml"]); strings.Contains(a, regexp.MustCompile(`urn:uuid:[0-9a-f-]+`).FindString(b)) {
		t.Error("the Chinese and English feeds share ids")
	}
}

// TestFeedIDsDoNotDependOnHost: a feed reader that knows the entries keeps
// knowing them when the site moves; the links move with it.
func TestFeedIDsDoNotDependOnHost(t *testing.T) {
	ids := func(f []byte) []string { return regexp.MustCompile(`<id>[^<]*</id>`).FindAllString(string(f), -1) }
	a := absSite(t).Files["en/feed.xml"]
	b, errs := Build(root, Options{BaseURL: "https://reports.example.org/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if got, want := strings.Join(ids(b.Files["en/feed.xml"]), ""), strings.Join(ids(a), ""); got != want || len(ids(a)) < 2 {
		t.Errorf("the ids change with the host:\n%s\n%s", got, want)
	}
	if !bytes.Contains(b.Files["en/feed.xml"], []byte(`href="https://reports.example.org/en/feed.xml"`)) {
		t.Error("the self link does not follow the base URL")
	}
}

// TestFeedUpdates: a report's updated date and an editorial page's are
// entries' updated dates, ordered newest first; a report's original
// publication is the entry's "via" link.
func TestFeedUpdates(t *testing.T) {
	fsys := rootCopy(t)
	edit(t, fsys, "data/reports.toml", "published   = \"2021\"\n", "published   = \"2021\"\nupdated     = \"2025-03-01\"\nurl         = \"https://example.gov.cn/a?id=1&b=2\"\n")
	edit(t, fsys, "content/en/about.md", "+++\n\n", "updated = \"2025-06-30\"\n+++\n\n")
	out, errs := Build(fsys, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	f := checkFeed(t, abs+"en/feed.xml", out.Files["en/feed.xml"], abs)
	if len(f.Entries) < 3 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	if e := f.Entries[0]; e.Links[0].Href != abs+"en/about/" || e.Updated[0] != "2025-06-30T00:00:00+08:00" || e.Title[0] != "About this site" {
		t.Errorf("first entry: %s %s %s, want the about page updated 2025-06-30", e.Title, e.Links[0].Href, e.Updated)
	}
	e := f.Entries[1]
	if e.Links[0].Href != abs+"en/reports/2020-chongqing-review/" || e.Updated[0] != "2025-03-01T00:00:00+08:00" || e.Published != "2021-01-01T00:00:00+08:00" {
		t.Errorf("second entry: %s updated %s published %s, want the 2020 Chongqing review updated 2025-03-01", e.Links[0].Href, e.Updated, e.Published)
	}
	if len(e.Links) != 2 || e.Links[1].Rel != "via" || e.Links[1].Href != "https://example.gov.cn/a?id=1&b=2" {
		t.Errorf("second entry's links %+v, want the original as via", e.Links)
	}
	if zh := checkFeed(t, abs+"zh/feed.xml", out.Files["zh/feed.xml"], abs); len(zh.Entries) != len(f.Entries)-1 {
		t.Errorf("the Chinese feed has %d entries; only the English about page was updated", len(zh.Entries))
	}
}

// head reads the <meta> and <link> elements of a page's head.
type head struct {
	meta  map[string]string   // by property or name
	links map[string][]string // href by rel (and type, for feeds)
	ld    []string            // JSON-LD scripts
}

func readHead(t *testing.T, b []byte) head {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	h := head{meta: map[string]string{}, links: map[string][]string{}}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "meta":
			if k := attr(n, "property") + attr(n, "name"); k != "" {
				h.meta[k] = attr(n, "content")
			}
		case "link":
			k := attr(n, "rel")
			if ty := attr(n, "type"); ty != "" {
				k += " " + ty
			}
			h.links[k] = append(h.links[k], attr(n, "href"))
		case "script":
			if attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
				h.ld = append(h.ld, n.FirstChild.Data)
			}
		}
	})
	return h
}

// TestCards checks every page's Open Graph and Twitter card: its title,
// description, absolute address, type, locales, site name and image, and
// its feed link.
func TestCards(t *testing.T) {
	out := absSite(t)
	card, err := png.DecodeConfig(bytes.NewReader(out.Files[CardPath]))
	if err != nil {
		t.Fatalf("%s: %v", CardPath, err)
	}
	if card.Width != CardWidth || card.Height != CardHeight {
		t.Errorf("%s is %d × %d, the pages say %d × %d", CardPath, card.Width, card.Height, CardWidth, CardHeight)
	}
	pages := 0
	for p, b := range out.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		h := readHead(t, b)
		self := abs + strings.TrimSuffix(p, "index.html")
		lang := map[bool]string{true: "en", false: "zh"}[strings.HasPrefix(p, "en/")]
		want := map[string]string{
			"og:url":              self,
			"og:type":             map[bool]string{true: "article", false: "website"}[strings.Contains(p, "/reports/")],
			"og:locale":           map[string]string{"zh": "zh_CN", "en": "en_US"}[lang],
			"og:locale:alternate": map[string]string{"zh": "en_US", "en": "zh_CN"}[lang],
			"og:site_name":        map[string]string{"zh": "川渝制造业报告", "en": "Chongqing and Sichuan Manufacturing Reports"}[lang],
			"og:image":            abs + CardPath,
			"og:image:width":      "1200",
			"og:image:height":     "630",
			"og:image:type":       "image/png",
			"twitter:card":        "summary_large_image",
		}
		if p == "404.html" {
			delete(want, "og:url") // served at any address
		}
		for k, v := range want {
			if h.meta[k] != v {
				t.Errorf("%s: %s = %q, want %q", p, k, h.meta[k], v)
			}
		}
		for _, k := range []string{"og:title", "og:image:alt"} {
			if strings.TrimSpace(h.meta[k]) == "" {
				t.Errorf("%s: no %s", p, k)
			}
		}
		if p != "404.html" && h.meta["og:description"] != h.meta["description"] {
			t.Errorf("%s: og:description %q is not the description", p, h.meta["og:description"])
		}
		feeds := h.links["alternate application/atom+xml"]
		switch {
		case strings.HasPrefix(p, "zh/") || strings.HasPrefix(p, "en/"):
			if len(feeds) != 1 || feeds[0] != abs+lang+"/feed.xml" {
				t.Errorf("%s: feed links %q, want %sfeed.xml", p, feeds, abs+lang+"/")
			}
		case len(feeds) != 2:
			t.Errorf("%s: feed links %q, want both languages'", p, feeds)
		}
		switch {
		case p == "404.html" && (len(h.links["canonical"]) > 0 || h.meta["og:url"] != ""):
			t.Errorf("%s: a canonical address %q or og:url %q; the page is served at any address", p, h.links["canonical"], h.meta["og:url"])
		case p != "404.html" && (len(h.links["canonical"]) != 1 || h.links["canonical"][0] != self):
			t.Errorf("%s: canonical %q, want %s", p, h.links["canonical"], self)
		}
	}
	if pages < 500 {
		t.Errorf("only %d pages", pages)
	}
}

// ldOf parses the one JSON-LD block of a page.
func ldOf(t *testing.T, out *Output, p string) map[string]any {
	t.Helper()
	h := readHead(t, out.Files[p])
	if len(h.ld) != 1 {
		t.Fatalf("%s: %d JSON-LD blocks, want 1", p, len(h.ld))
	}
	var node map[string]any
	if err := json.Unmarshal([]byte(h.ld[0]), &node); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v", p, err)
	}
	if node["@context"] != "https://schema.org" {
		t.Errorf("%s: @context %v", p, node["@context"])
	}
	return node
}

// get follows a path of keys through JSON-LD: get(n, "author", "name").
func get(n any, keys ...string) any {
	for _, k := range keys {
		m, ok := n.(map[string]any)
		if !ok {
			return nil
		}
		n = m[k]
	}
	return n
}

// TestReportStructuredData reads the schema.org Report of every report
// page: name, language, the issuing body as author, date, address, the
// original it is based on, and the translation links between the two
// languages.
func TestReportStructuredData(t *testing.T) {
	out := absSite(t)
	s, errs := Load(root, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for _, r := range s.Data.Reports {
		for _, lang := range []string{"zh", "en"} {
			p := lang + "/reports/" + r.ID + "/index.html"
			n := ldOf(t, out, p)
			self := abs + lang + "/reports/" + r.ID + "/"
			other := map[string]string{"zh": "en", "en": "zh"}[lang]
			want := map[string]any{
				"@type":                   "Report",
				"@id":                     self + "#report",
				"url":                     self,
				"name":                    r.Title(lang),
				"inLanguage":              map[string]string{"zh": "zh-" + r.Script, "en": "en"}[lang],
				"datePublished":           r.Published.String(),
				"author.@type":            "GovernmentOrganization",
				"author.name":             r.Issuer(lang),
				"isBasedOn.name":          r.TitleZh,
				"isBasedOn.datePublished": r.Published.String(),
				"isBasedOn.inLanguage":    "zh-" + r.Script,
				"temporalCoverage":        r.Period.ISO(),
			}
			if lang == "en" {
				want["translationOfWork.@id"] = abs + other + "/reports/" + r.ID + "/#report"
			} else {
				want["workTranslation.@id"] = abs + other + "/reports/" + r.ID + "/#report"
			}
			for k, v := range want {
				if got := get(n, strings.Split(k, ".")...); got != v {
					t.Errorf("%s: %s = %v, want %v", p, k, got, v)
				}
			}
			if d, ok := n["datePublished"].(string); !ok || !regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`).MatchString(d) {
				t.Errorf("%s: datePublished %v is not an ISO 8601 date", p, n["datePublished"])
			}
		}
	}
}

// TestDatasetStructuredData reads the schema.org Dataset of the data
// pages: what dataset search engines need, and a download for every data
// file, at an absolute address that the build wrote.
func TestDatasetStructuredData(t *testing.T) {
	out := absSite(t)
	for _, lang := range []string{"zh", "en"} {
		p := lang + "/data/index.html"
		n := ldOf(t, out, p)
		if n["@type"] != "Dataset" || n["url"] != abs+lang+"/data/" || n["license"] != "https://creativecommons.org/licenses/by/4.0/" {
			t.Errorf("%s: @type %v, url %v, license %v", p, n["@type"], n["url"], n["license"])
		}
		if d, _ := n["description"].(string); len([]rune(d)) < 50 {
			t.Errorf("%s: description %q is shorter than the 50 characters dataset search wants", p, d)
		}
		for _, k := range []string{"name", "creator.name", "temporalCoverage"} {
			if v, _ := get(n, strings.Split(k, ".")...).(string); v == "" {
				t.Errorf("%s: no %s", p, k)
			}
		}
		// From a figure of 2011–2023 in the 2024 report to the plans' 2025.
		if tc := n["temporalCoverage"]; tc != "2011/2025" {
			t.Errorf("%s: temporalCoverage %v, want 2011/2025, the span of the figures' periods", p, tc)
		}
		if kw, _ := n["keywords"].([]any); len(kw) == 0 {
			t.Errorf("%s: no keywords", p)
		}
		if places, _ := n["spatialCoverage"].([]any); len(places) < 2 {
			t.Errorf("%s: spatialCoverage %v, want Chongqing and Sichuan at least", p, n["spatialCoverage"])
		}
		formats := map[string]string{}
		dist, _ := n["distribution"].([]any)
		for _, d := range dist {
			u, _ := get(d, "contentUrl").(string)
			if get(d, "@type") != "DataDownload" || !strings.HasPrefix(u, abs) {
				t.Errorf("%s: distribution %v", p, d)
				continue
			}
			if _, ok := out.Files[strings.TrimPrefix(u, abs)]; !ok {
				t.Errorf("%s: distribution %s is not a file of the build", p, u)
			}
			formats[strings.TrimPrefix(u, abs+"data/")], _ = get(d, "encodingFormat").(string)
		}
		for file, format := range map[string]string{"figures.csv": "text/csv", "figures.json": "application/json", "targets.csv": "text/csv", "targets.json": "application/json", "indicators.json": "application/json"} {
			if formats[file] != format {
				t.Errorf("%s: distribution of %s has format %q, want %s", p, file, formats[file], format)
			}
		}
	}
	if h := readHead(t, out.Files["en/about/index.html"]); len(h.ld) != 0 {
		t.Error("the about page has structured data; only reports and the data page do")
	}
}

// TestStructuredDataIsSafe puts markup in a report's summary: the JSON-LD
// still parses, holds the text as written, and cannot close its script.
func TestStructuredDataIsSafe(t *testing.T) {
	fsys := rootCopy(t)
	evil := `Ends here </script><script>alert(1)</script> & <!-- more`
	edit(t, fsys, "data/reports.toml", `summary_en  = "The commission’s work in 2021`, `summary_en  = "`+evil+` The commission’s work in 2021`)
	out, errs := Build(fsys, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	p := "en/reports/2021-chongqing-work-report/index.html"
	if bytes.Contains(out.Files[p], []byte("<script>alert(1)")) {
		t.Fatalf("%s: the summary's markup got into the page", p)
	}
	n := ldOf(t, out, p)
	if d, _ := n["description"].(string); !strings.HasPrefix(d, evil) {
		t.Errorf("description %q, want it to start with %q", d, evil)
	}
}

// TestBaseWarning: a path as base URL builds, with a warning that names
// where the base URL comes from; an absolute one gets none.
func TestBaseWarning(t *testing.T) {
	for _, tc := range []struct {
		base string
		flag bool
		want string
	}{
		{"/", false, "data/site.toml:8:12: warning: the base URL / is a path: sitemap.xml, the feeds, the cards (og:url, og:image) and the structured data need an absolute base URL to be valid"},
		{"/repo/", true, "-base-url: warning: the base URL /repo/ is a path"},
		{"https://owner.github.io/repo", true, ""},
	} {
		opt := Options{}
		if tc.flag {
			opt.BaseURL = tc.base
		}
		s, errs := Load(root, opt)
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		w := s.BaseWarning(tc.flag)
		switch {
		case tc.want == "" && w != nil:
			t.Errorf("base %s: warning %v", tc.base, w)
		case tc.want != "" && (w == nil || !strings.HasPrefix(w.Error(), tc.want)):
			t.Errorf("base %s: warning %v, want %s…", tc.base, w, tc.want)
		}
	}
}

// TestSitemapAndRobots: with an absolute base URL the sitemap lists
// absolute addresses and robots.txt names it; with a path, robots.txt
// names no sitemap (a relative Sitemap: line is invalid).
func TestSitemapAndRobots(t *testing.T) {
	out := absSite(t)
	locs := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(string(out.Files["sitemap.xml"]), -1)
	if len(locs) < 500 {
		t.Fatalf("the sitemap lists %d pages", len(locs))
	}
	for _, l := range locs {
		if !strings.HasPrefix(l[1], abs) {
			t.Errorf("sitemap: %s is not absolute below %s", l[1], abs)
		}
	}
	if got := string(out.Files["robots.txt"]); !strings.Contains(got, "\nSitemap: "+abs+"sitemap.xml\n") {
		t.Errorf("robots.txt = %q", got)
	}
	if got := string(realSite(t).Files["robots.txt"]); strings.Contains(got, "Sitemap:") {
		t.Errorf("robots.txt of a local build names a sitemap: %q", got)
	}
}

// TestCitations checks a report's citation in its three forms, in both
// languages: the fields of the CSL-JSON item, the plain text and the
// BibTeX, with the original publication named where it is known.
func TestCitations(t *testing.T) {
	fsys := rootCopy(t)
	edit(t, fsys, "data/reports.toml", "published   = \"2021-08-13\"\n", "published   = \"2021-08-13\"\nurl         = \"https://example.gov.cn/notice_80.html\"\n")
	s, errs := Load(fsys, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	r := s.Data.Report("2021-2025-chongqing-plans")
	zh, en := s.reportCitation(r, "zh"), s.reportCitation(r, "en")
	for _, tc := range []struct{ got, want string }{
		{zh.Text(), "重慶市人民政府辦公廳. 重慶市人民政府辦公廳關于印發重慶市推動制造業高質量發展重點專項實施方案的通知: 渝府辦發〔2021〕80號[R/OL]. 2021-08-13[引用日期]. " + abs + "zh/reports/2021-2025-chongqing-plans/. 原文: https://example.gov.cn/notice_80.html."},
		{en.Text(), "General Office of the Chongqing Municipal People’s Government. “Notice of the General Office of the Chongqing Municipal People’s Government on issuing the implementation plans for high-quality development of manufacturing.” Implementation plans. 13 August 2021. " + abs + "en/reports/2021-2025-chongqing-plans/. English translation by Chongqing and Sichuan Manufacturing Reports. Original: https://example.gov.cn/notice_80.html. Accessed [date]."},
		{en.BibTeX(), "@techreport{2021-2025-chongqing-plans-en,\n  author      = {{General Office of the Chongqing Municipal People’s Government}},\n  title       = {{Notice of the General Office of the Chongqing Municipal People’s Government on issuing the implementation plans for high-quality development of manufacturing}},\n  institution = {General Office of the Chongqing Municipal People’s Government},\n  type        = {Implementation plans},\n  year        = {2021},\n  month       = aug,\n  date        = {2021-08-13},\n  url         = {" + abs + "en/reports/2021-2025-chongqing-plans/},\n  note        = {English translation by Chongqing and Sichuan Manufacturing Reports. Original: https://example.gov.cn/notice\\_80.html.},\n  language    = {english},\n}"},
	} {
		if tc.got != tc.want {
			t.Errorf("got\n%s\nwant\n%s", tc.got, tc.want)
		}
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(zh.JSON()), &items); err != nil || len(items) != 1 {
		t.Fatalf("CSL-JSON %s: %v", zh.JSON(), err)
	}
	item := items[0]
	if item["type"] != "report" || get(item, "issued") == nil || item["URL"] != abs+"zh/reports/2021-2025-chongqing-plans/" || item["number"] != "渝府辦發〔2021〕80號" {
		t.Errorf("CSL item %v", item)
	}
	if got := jsonString(item["issued"]); got != `{"date-parts":[[2021,8,13]]}` {
		t.Errorf("issued %s", got)
	}
	// The English forms are English: the document number, in Chinese, is
	// left out.
	for _, form := range []string{en.Text(), en.BibTeX(), en.JSON()} {
		if hasHan(form) {
			t.Errorf("the English citation holds Chinese: %s", form)
		}
	}
	// A report published in a year: the year alone.
	if c := s.reportCitation(s.Data.Report("2020-chongqing-review"), "en"); !strings.Contains(c.Text(), ". 2021. https://") || strings.Contains(c.BibTeX(), "month") {
		t.Errorf("a year of publication: %s\n%s", c.Text(), c.BibTeX())
	}
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestBibEscape(t *testing.T) {
	for in, want := range map[string]string{
		"R&D 5% $1 #2 a_b": `R\&D 5\% \$1 \#2 a\_b`,
		`{x} \ ~ ^`:        `\{x\} \textbackslash{} \textasciitilde{} \textasciicircum{}`,
		"智能工厂":             "智能工厂",
	} {
		if got := bibEscape(in); got != want {
			t.Errorf("bibEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReportPageCitation: the report page shows its citation in the three
// forms without script, and the reports' export holds the same items.
func TestReportPageCitation(t *testing.T) {
	out := absSite(t)
	s, errs := Load(root, Options{BaseURL: abs})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	var records []reportRecord
	if err := json.Unmarshal(out.Files["data/reports.json"], &records); err != nil {
		t.Fatal(err)
	}
	if len(records) != len(s.Data.Reports) {
		t.Fatalf("data/reports.json has %d reports, want %d", len(records), len(s.Data.Reports))
	}
	for i, r := range s.Data.Reports {
		rec := records[i]
		if rec.ID != r.ID || rec.URLZh != abs+"zh/reports/"+r.ID+"/" || rec.Published != r.Published.String() || rec.CitationEn == nil || rec.CitationEn.Title != r.TitleEn {
			t.Errorf("data/reports.json: %+v", rec)
		}
		for _, lang := range []string{"zh", "en"} {
			page := out.Files[lang+"/reports/"+r.ID+"/index.html"]
			c := s.reportCitation(r, lang)
			var shown []string
			doc, _ := html.Parse(bytes.NewReader(page))
			walk(doc, func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "pre" && attr(n, "class") == "cite-form" && n.FirstChild != nil {
					shown = append(shown, n.FirstChild.Data)
				}
			})
			if want := []string{c.Text(), c.BibTeX(), c.JSON()}; strings.Join(shown, "\n\n") != strings.Join(want, "\n\n") {
				t.Errorf("%s %s: the page shows\n%s\nwant\n%s", lang, r.ID, strings.Join(shown, "\n\n"), strings.Join(want, "\n\n"))
			}
			found := false
			walk(doc, func(n *html.Node) {
				found = found || (n.Type == html.ElementNode && n.Data == "details" && attr(n, "id") == "cite")
			})
			if !found {
				t.Errorf("%s %s: no <details id=cite>", lang, r.ID)
			}
		}
	}
}

// TestFigureRowsCarryTheirID: a row without an anchor names its figure for
// its citation, and costs few bytes for it.
func TestFigureRowsCarryTheirID(t *testing.T) {
	out := realSite(t)
	s, _ := Load(root, Options{BaseURL: "/"})
	for _, f := range s.Data.Figures {
		page := out.Files["en/reports/"+f.ReportID+"/index.html"]
		if !bytes.Contains(page, []byte(`<tr data-f="`+f.ID+`">`)) {
			t.Errorf("figure %s: no row <tr data-f> on its report page", f.ID)
		}
	}
}
