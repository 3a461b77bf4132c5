// Package seed is the first stage of the pipeline: it reads a seed — the
// plain text of a report as it was published — and returns a typed Document:
// title, metadata, headings, paragraphs, highlights, captions and page
// furniture, each tied to the seed lines it came from.
//
// # The seed format
//
// A seed is UTF-8 text, one block of the printed page per line, usually with
// blank lines between. Nothing in a seed is dropped: every line becomes one
// of the kinds below, and Document.Lines records which block each line went
// into, so a test can prove that every line is accounted for.
//
// Lines are trimmed of surrounding white space (including U+00A0 and U+3000).
// A line that is then empty is Blank.
//
// The head of a document is the run of short lines, none ending in
// sentence-final punctuation, before the body starts:
//
//	增强创新能力 重庆提升产业链水平打造“智造重镇”   Title (the first such line)
//	重庆市经济和信息化委员会                       Meta issuer (ends in 委员会, 厅, 人民政府, 局 …)
//	日期:2022年05月17日 来源:重庆人大              Meta dateline
//	渝府辦發〔2021〕80號                           Meta number
//	——2024年9月25日在市六届人大常委会第十一次会议上  Meta occasion
//	市经济信息委主任 王志杰                        Meta speaker
//
// A title line ending in 关于 (關于) continues on the next line. A head line
// that repeats the title, alone or together with the lines after it, is
// Furniture "repeated-title" (web pages print the title twice).
//
// In the body, each line is, in this order of precedence:
//
//   - Furniture: 扫一扫,分享到手机 and 相关稿件 (web page furniture), and a
//     trailing publication line such as "2025-01-07 重庆人大 人大公报2024".
//
//   - Highlight: a magazine pull-quote starting with ●, repeating body text.
//
//   - Caption: a photo caption starting with 图为 (圖為).
//
//   - Meta: a date line (2021年8月13日), a signature (an issuer line directly
//     followed by a date line) and a note such as (此件公開發布).
//
//   - Heading: a line starting with a numbering marker — 一、 （一） (一) 第一,
//     1. 一是 — or a bare heading: a year heading such as 2020年重点工作, or a
//     short line without sentence-final punctuation after a finished paragraph
//     (the titles of the five plans in the 2021 notice). If the marker is
//     followed by one short sentence and more text, the sentence is a run-in
//     heading (Paragraph.Lead) of the paragraph that follows on the same line:
//
//     (一)稳增长成效显著。实施干部派驻企业制度……
//
//   - Paragraph: anything else.
//
// Highlights and captions are inserted by the magazine in the middle of
// sentences, and pages break mid-sentence, so a paragraph that does not end
// in sentence-final punctuation (。！？；：and closing brackets) continues in
// the next body line, across blank lines, highlights and captions:
//
//	……高质量举办2020线上智博
//	图为长安汽车鱼嘴基地焊接生产线
//	会，智能化已成为重庆新的城市名片。
//
// gives the caption and one paragraph "……高质量举办2020线上智博会，智能化……".
//
// # Levels
//
// Headings nest by numbering style, in the order the styles first appear
// within their parent: in one document 一、 may contain （一） which contains
// 一是; in another a bare plan title contains 一、. A style already open at a
// higher level closes the levels below it.
//
// # Identifiers
//
// Every block has an id made from its kind and the seed line it starts on:
// h-10 (heading), p-12 (paragraph), hl-34 (highlight), cap-18 (caption),
// m-6 (metadata in the body, such as a signature).
// A run-in heading shares the line of its paragraph (h-12 and p-12). Seeds
// never change, so ids never change, and the English edition uses the same
// ids for the same blocks.
package seed

// Kind is what a line or block is.
type Kind int

// The kinds of lines and blocks.
const (
	Blank Kind = iota
	Title
	Meta
	Heading
	Paragraph
	Highlight
	Caption
	Furniture
)

var kindNames = [...]string{"blank", "title", "meta", "heading", "paragraph", "highlight", "caption", "furniture"}

func (k Kind) String() string { return kindNames[k] }

// Block is one element of a document.
type Block struct {
	Kind  Kind
	ID    string // see the package doc; empty for furniture and head metadata
	Lines []int  // the seed lines the block was read from, in order
	// Text is the block's text as written. For a paragraph with a run-in
	// heading it is the text after the heading.
	Text string
	// Marker is the numbering as written ("(一)", "一、", "1.", "一是"), for
	// headings, run-in headings and numbered paragraphs.
	Marker string
	// Lead is the run-in heading of a paragraph, marker included
	// ("(一)稳增长成效显著。"); empty if there is none.
	Lead string
	// Level is the outline depth of a heading or run-in heading, 1 at the top.
	Level int
	// Field names a Meta block (issuer, dateline, number, occasion, speaker,
	// date, signature, note, subtitle) or a Furniture block (share-prompt,
	// related-links, publication-line, repeated-title).
	Field string
	// Complete reports whether a paragraph ends in sentence-final punctuation.
	Complete bool
	// Corrections are the errata applied to Text, in order of Offset.
	Corrections []Correction
}

// HeadingID is the id of the block's heading: its own id for a heading, the
// run-in heading's id for a paragraph with a lead, "" otherwise.
func (b *Block) HeadingID() string {
	switch {
	case b.Kind == Heading:
		return b.ID
	case b.Kind == Paragraph && b.Lead != "":
		return "h" + b.ID[1:]
	}
	return ""
}

// HeadingText is the text of the block's heading (a run-in heading without
// its final full stop), or "".
func (b *Block) HeadingText() string {
	switch {
	case b.Kind == Heading:
		return b.Text
	case b.Kind == Paragraph && b.Lead != "":
		return trimStop(b.Lead)
	}
	return ""
}

// Document is a parsed seed, or the part of it that holds one article.
type Document struct {
	File       string // the seed's path, for error messages
	First      int    // first seed line of the article (1-based)
	Last       int    // last seed line of the article
	Title      string
	TitleLines []int
	Blocks     []*Block // everything after the title, in reading order
	// Lines maps each seed line from First to Last (index line-First) to the
	// block it went into; nil for blank lines and title lines.
	Lines []*Block
	// LineKinds records the kind of each line from First to Last.
	LineKinds []Kind
}

// Body returns the blocks that make up the running text: headings,
// paragraphs, highlights, captions and in-body metadata.
func (d *Document) Body() []*Block {
	var out []*Block
	for _, b := range d.Blocks {
		if b.Kind != Furniture && !(b.Kind == Meta && isHeadField(b.Field)) {
			out = append(out, b)
		}
	}
	return out
}

// Block returns the block with the given id, or nil.
func (d *Document) Block(id string) *Block {
	for _, b := range d.Blocks {
		if b.ID == id {
			return b
		}
	}
	return nil
}

// BlockAt returns the block that seed line n went into, or nil.
func (d *Document) BlockAt(n int) *Block {
	if n < d.First || n > d.Last {
		return nil
	}
	return d.Lines[n-d.First]
}

// Section is one node of a document's outline.
type Section struct {
	Block    *Block // a heading, or a paragraph with a run-in heading
	Children []*Section
}

// Outline returns the tree of headings and run-in headings, down to maxLevel
// (0 for all levels).
func (d *Document) Outline(maxLevel int) []*Section {
	var roots []*Section
	var stack []*Section
	for _, b := range d.Blocks {
		if b.HeadingID() == "" || (maxLevel > 0 && b.Level > maxLevel) {
			continue
		}
		s := &Section{Block: b}
		for len(stack) > 0 && stack[len(stack)-1].Block.Level >= b.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, s)
		} else {
			p := stack[len(stack)-1]
			p.Children = append(p.Children, s)
		}
		stack = append(stack, s)
	}
	return roots
}
