package seed

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/diag"
)

// Parse reads lines first..last (1-based, inclusive) of the seed src, named
// file in errors. last = 0 means the end of the file.
func Parse(file string, src []byte, first, last int) (*Document, error) {
	return ParseText(file, string(src), first, last)
}

// ParseText is Parse of a seed's text. The document's texts are slices of
// src where they are a line of it, so that the reports that quote parts of
// one seed share its text.
func ParseText(file, src string, first, last int) (*Document, error) {
	if !utf8.ValidString(src) {
		line, col := invalidUTF8([]byte(src))
		return nil, diag.Errorf(diag.Pos{File: file, Line: line, Col: col}, "invalid UTF-8 (seeds are UTF-8 text)")
	}
	lines := strings.Split(src, "\n")
	if last == 0 {
		last = len(lines)
	}
	if first < 1 || last > len(lines) || first > last {
		return nil, diag.Errorf(diag.Pos{File: file}, "line range %d–%d is outside the seed, which has %d lines", first, last, len(lines))
	}
	p := &parser{doc: &Document{File: file, First: first, Last: last}, inHead: true}
	p.doc.Lines = make([]*Block, last-first+1)
	p.doc.LineKinds = make([]Kind, last-first+1)
	for n := first; n <= last; n++ {
		p.lines = append(p.lines, clean(lines[n-1]))
	}
	for i, t := range p.lines {
		p.line(first+i, t)
	}
	return p.doc, nil
}

type parser struct {
	doc     *Document
	lines   []string // cleaned lines first..last
	inHead  bool
	pending *Block   // a paragraph still waiting for the end of its sentence
	styles  []string // numbering styles open, outermost first
	repeat  string   // head lines so far that repeat the title
}

func (p *parser) next(n int) string {
	for i := n + 1 - p.doc.First; i < len(p.lines); i++ {
		if p.lines[i] != "" {
			return p.lines[i]
		}
	}
	return ""
}

func (p *parser) line(n int, t string) {
	if t == "" {
		return // LineKinds is Blank already
	}
	switch {
	case furniture[t] != "":
		p.add(n, &Block{Kind: Furniture, Field: furniture[t], Text: t})
		return
	case rePublication.MatchString(t) && p.next(n) == "":
		p.add(n, &Block{Kind: Furniture, Field: "publication-line", Text: t})
		return
	case strings.HasPrefix(t, "●"):
		p.add(n, &Block{Kind: Highlight, ID: fmt.Sprintf("hl-%d", n), Text: strings.TrimPrefix(t, "●")})
		return
	case strings.HasPrefix(t, "图为") || strings.HasPrefix(t, "圖為"):
		p.add(n, &Block{Kind: Caption, ID: fmt.Sprintf("cap-%d", n), Text: t})
		return
	}
	if p.inHead {
		if p.head(n, t) {
			return
		}
		p.inHead = false
	}
	p.body(n, t)
}

// head classifies a line of the head; it returns false when the body starts.
func (p *parser) head(n int, t string) bool {
	if d := p.doc; d.Title != "" {
		if t == d.Title || strings.HasPrefix(d.Title, p.repeat+t) {
			p.repeat += t
			if p.repeat == d.Title {
				p.repeat = ""
			}
			p.add(n, &Block{Kind: Furniture, Field: "repeated-title", Text: t})
			return true
		}
		p.repeat = ""
	}
	if f := headField(t); f != "" {
		p.add(n, &Block{Kind: Meta, Field: f, Text: t})
		return true
	}
	if final(t) || markerOf(t) != nil || reYearHeading.MatchString(t) || utf8.RuneCountInString(t) > 60 {
		return false
	}
	d := p.doc
	switch {
	case d.Title == "" || (len(d.TitleLines) > 0 && d.TitleLines[len(d.TitleLines)-1] == n-1-blanksBefore(p, n) && continuesTitle(d.Title)):
		d.Title += t
		d.TitleLines = append(d.TitleLines, n)
		d.LineKinds[n-d.First] = Title
	default:
		p.add(n, &Block{Kind: Meta, Field: "subtitle", Text: t})
	}
	return true
}

func blanksBefore(p *parser, n int) int {
	k := 0
	for i := n - 1 - p.doc.First; i >= 0 && p.lines[i] == ""; i-- {
		k++
	}
	return k
}

func continuesTitle(title string) bool {
	return strings.HasSuffix(title, "关于") || strings.HasSuffix(title, "關于") || strings.HasSuffix(title, "關於")
}

func (p *parser) body(n int, t string) {
	switch {
	case reDate.MatchString(t):
		p.add(n, &Block{Kind: Meta, ID: fmt.Sprintf("m-%d", n), Field: "date", Text: t})
		return
	case isIssuer(t) && reDate.MatchString(p.next(n)) && p.pending == nil:
		p.add(n, &Block{Kind: Meta, ID: fmt.Sprintf("m-%d", n), Field: "signature", Text: t})
		return
	case reNote.MatchString(t):
		p.add(n, &Block{Kind: Meta, ID: fmt.Sprintf("m-%d", n), Field: "note", Text: t})
		return
	}
	if m := markerOf(t); m != nil {
		p.pending = nil
		p.numbered(n, t, m)
		return
	}
	if reYearHeading.MatchString(t) {
		p.pending = nil
		p.heading(n, t, "", "bare")
		return
	}
	if b := p.pending; b != nil {
		b.Text += t
		b.Lines = append(b.Lines, n)
		p.mark(n, b)
		if final(t) {
			b.Complete = true
			p.pending = nil
		}
		return
	}
	if !final(t) && utf8.RuneCountInString(t) <= 40 && !strings.ContainsAny(t, "，,") {
		p.heading(n, t, "", "bare")
		return
	}
	p.paragraph(n, &Block{Text: t})
}

// numbered handles a line that starts with a numbering marker.
func (p *parser) numbered(n int, t string, m *marker) {
	rest := t[len(m.text):]
	stop := sentenceEnd(rest)
	switch {
	case (stop < 0 || stop == len(rest)) && utf8.RuneCountInString(t) <= 40:
		p.heading(n, t, m.text, m.style)
	case stop > 0 && stop < len(rest) && utf8.RuneCountInString(m.text+rest[:stop]) <= 40:
		p.paragraph(n, &Block{Marker: m.text, Lead: m.text + rest[:stop], Text: rest[stop:], Level: p.level(m.style)})
	default:
		p.paragraph(n, &Block{Marker: m.text, Text: t, Level: p.level(m.style)})
	}
}

func (p *parser) heading(n int, t, markerText, style string) {
	p.add(n, &Block{Kind: Heading, ID: fmt.Sprintf("h-%d", n), Text: t, Marker: markerText, Level: p.level(style)})
}

func (p *parser) paragraph(n int, b *Block) {
	b.Kind = Paragraph
	b.ID = fmt.Sprintf("p-%d", n)
	b.Complete = final(b.Text)
	if b.Text == "" { // a run-in heading whose sentence is the whole line
		b.Complete = true
	}
	p.add(n, b)
	if !b.Complete {
		p.pending = b
	}
}

// level returns the outline level of a numbering style, opening or closing
// levels as the package doc describes.
func (p *parser) level(style string) int {
	for i, s := range p.styles {
		if s == style {
			p.styles = p.styles[:i+1]
			return i + 1
		}
	}
	p.styles = append(p.styles, style)
	return len(p.styles)
}

func (p *parser) add(n int, b *Block) {
	b.Lines = append(b.Lines, n)
	p.doc.Blocks = append(p.doc.Blocks, b)
	p.mark(n, b)
}

func (p *parser) mark(n int, b *Block) {
	p.doc.Lines[n-p.doc.First] = b
	p.doc.LineKinds[n-p.doc.First] = b.Kind
}

type marker struct {
	text  string // as written, e.g. "(一)"
	style string
}

const cnNum = `[一二三四五六七八九十]+`

var markerStyles = []struct {
	style string
	re    *regexp.Regexp
}{
	{"cn-dun", regexp.MustCompile(`^` + cnNum + `、`)},
	{"cn-paren", regexp.MustCompile(`^[（(]` + cnNum + `[）)]`)},
	{"cn-di", regexp.MustCompile(`^第` + cnNum + `[，,、]`)},
	{"arabic", regexp.MustCompile(`^[0-9]{1,2}[.．、]`)},
	{"cn-shi", regexp.MustCompile(`^` + cnNum + `是`)},
}

func markerOf(t string) *marker {
	for _, s := range markerStyles {
		if m := s.re.FindString(t); m != "" {
			return &marker{text: m, style: s.style}
		}
	}
	return nil
}

var (
	reYearHeading  = regexp.MustCompile(`^[0-9]{4}年\p{Han}{2,8}$`)
	reDate         = regexp.MustCompile(`^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$`)
	reNote         = regexp.MustCompile(`^[（(]此件.+[）)]$`)
	rePublication  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}\s`)
	reDateline     = regexp.MustCompile(`^日期[:：]\s*\S+\s+来源[:：]\s*\S+`)
	reNumber       = regexp.MustCompile(`〔[0-9]{4}〕[0-9]+[号號]$`)
	reSpeaker      = regexp.MustCompile(`^\S+(主任|局长|厅长|书记|市长|主席)\s+\S{2,4}$`)
	furniture      = map[string]string{"扫一扫,分享到手机": "share-prompt", "扫一扫，分享到手机": "share-prompt", "相关稿件": "related-links", "相關稿件": "related-links"}
	headFieldRules = []struct {
		field string
		match func(string) bool
	}{
		{"dateline", reDateline.MatchString}, {"number", reNumber.MatchString}, {"date", reDate.MatchString},
		{"speaker", reSpeaker.MatchString}, {"issuer", isIssuer},
	}
	// issuerEndings are the last words of an issuing body's name.
	issuerEndings = []string{"委员会", "委員會", "厅", "廳", "人民政府", "委", "局", "办公室", "辦公室"}
)

// isIssuer reports whether a line ends as the name of an issuing body does
// (a suffix test: a regular expression anchored only at the end would try
// every position of every line of the text).
func isIssuer(t string) bool {
	for _, e := range issuerEndings {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

func headField(t string) string {
	if strings.HasPrefix(t, "——") {
		return "occasion"
	}
	for _, r := range headFieldRules {
		if r.match(t) {
			return r.field
		}
	}
	return ""
}

func isHeadField(f string) bool {
	switch f {
	case "issuer", "dateline", "number", "occasion", "speaker", "subtitle":
		return true
	}
	return false
}

// final reports whether t ends in sentence-final punctuation: a full stop,
// question or exclamation mark, semicolon or colon, a closing bracket, or a
// closing quote right after one of those.
func final(t string) bool {
	r, size := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("”’」』", r) {
		r, _ = utf8.DecodeLastRuneInString(t[:len(t)-size])
	}
	return strings.ContainsRune("。！？；：!?;:…）)〕】」』", r)
}

// sentenceEnd returns the byte offset just after the first full stop,
// question or exclamation mark in t, or -1.
func sentenceEnd(t string) int {
	i := strings.IndexAny(t, "。！？")
	if i < 0 {
		return -1
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	return i + size
}

func trimStop(s string) string {
	return strings.TrimRight(s, "。！？")
}

// clean trims white space, including no-break and ideographic spaces, and a
// carriage return left by CRLF line ends.
func clean(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\ufeff' })
}

func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}
