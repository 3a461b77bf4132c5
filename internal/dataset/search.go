package dataset

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/seed"
)

// searchableText finds quotes in a report's blocks regardless of white
// space, as the design requires (a quote copied from a page may lose or gain
// spaces; it may not change a character).
type searchableText struct {
	blocks []searchBlock
	// The squeezed text of the running-text blocks, and then of the
	// highlights, each joined in one string so that a quote is looked for
	// with one search, not one a block.
	joined [2]joinedText
}

// joinedText is the squeezed texts of some blocks, in order, each followed
// by a NUL, which no squeezed quote holds, so that no match spans two.
type joinedText struct {
	text   string
	starts []int      // where each block's text starts
	blocks []int      // the index of each in searchableText.blocks
	freq   [256]int32 // how often each byte is in text
}

// block is the block of joined text that holds byte i, and where i is in
// its squeezed text.
func (j *joinedText) block(i int) (k, at int) {
	n := sort.Search(len(j.starts), func(n int) bool { return j.starts[n] > i }) - 1
	return j.blocks[n], i - j.starts[n]
}

type searchBlock struct {
	block   *seed.Block
	squeeze string // Lead+Text without white space
	offsets []int  // byte offset in Lead+Text of each byte of squeeze; nil where they are the same text
}

// offset is the byte offset in Lead+Text of byte i of squeeze.
func (sb *searchBlock) offset(i int) int {
	if sb.offsets == nil {
		return i
	}
	return sb.offsets[i]
}

// Match is where a quote was found: a block and the byte span in the block's
// Lead+Text.
type Match struct {
	Block      *seed.Block
	Start, End int
}

func newSearchableText(d *seed.Document) *searchableText {
	t := &searchableText{}
	for _, b := range d.Body() {
		if b.ID == "" {
			continue
		}
		full := b.Lead + b.Text
		if strings.IndexFunc(full, isSpace) < 0 {
			// Most of a Chinese text has no white space: the text is its
			// own squeezed form.
			t.blocks = append(t.blocks, searchBlock{block: b, squeeze: full})
			continue
		}
		var sb strings.Builder
		sb.Grow(len(full))
		offs := make([]int, 0, len(full)+1)
		for i, r := range full {
			if isSpace(r) {
				continue
			}
			n := sb.Len()
			sb.WriteRune(r)
			for range sb.Len() - n {
				offs = append(offs, i)
			}
		}
		offs = append(offs, len(full))
		t.blocks = append(t.blocks, searchBlock{block: b, squeeze: sb.String(), offsets: offs})
	}
	// Running text first: a highlight repeats it.
	for pass, highlight := range []bool{false, true} {
		var b strings.Builder
		size, n := 0, 0
		for k := range t.blocks {
			if (t.blocks[k].block.Kind == seed.Highlight) == highlight {
				size += len(t.blocks[k].squeeze) + 1
				n++
			}
		}
		b.Grow(size)
		j := &t.joined[pass]
		j.starts, j.blocks = make([]int, 0, n), make([]int, 0, n)
		for k := range t.blocks {
			if (t.blocks[k].block.Kind == seed.Highlight) != highlight {
				continue
			}
			j.starts = append(j.starts, b.Len())
			j.blocks = append(j.blocks, k)
			b.WriteString(t.blocks[k].squeeze)
			b.WriteByte(0)
		}
		j.text = b.String()
		for i := 0; i < len(j.text); i++ {
			j.freq[j.text[i]]++
		}
		// The blocks' texts are the joined one's, not copies of it.
		for n, k := range j.blocks {
			t.blocks[k].squeeze = j.text[j.starts[n] : j.starts[n]+len(t.blocks[k].squeeze)]
		}
	}
	return t
}

// find returns the first match of quote in the body, preferring running
// text to highlights (which repeat it), and whether it was found.
func (t *searchableText) find(quote string) (Match, bool) {
	q := squeeze(quote)
	if q == "" || strings.IndexByte(q, 0) >= 0 {
		return Match{}, false
	}
	for pass := range t.joined {
		j := &t.joined[pass]
		i := index(j.text, q, &j.freq)
		if i < 0 {
			continue
		}
		k, i := j.block(i)
		sb := &t.blocks[k]
		end := sb.offset(i + len(q) - 1)
		// end is the start of the last rune, in Lead+Text; move past it.
		// (A rune that starts in Lead ends there: Lead and Text are each
		// whole UTF-8.)
		text, at := sb.block.Text, end-len(sb.block.Lead)
		if at < 0 {
			text, at = sb.block.Lead, end
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		return Match{Block: sb.block, Start: sb.offset(i), End: end + size}, true
	}
	return Match{}, false
}

// index is strings.Index(s, q), faster for the quotes of a Chinese text,
// where a character's first byte is one of a few and strings.Index finds
// it everywhere: it looks, with strings.IndexByte's vector instructions,
// for the byte of q that is rarest in s (freq counts the bytes of s), and
// compares q where that byte is. Where the rarest byte is not rare (more
// than one place every 32 bytes holds it), it goes on with indexHead.
func index(s, q string, freq *[256]int32) int {
	if len(q) < 4 {
		return strings.Index(s, q)
	}
	k := 0
	for i := 1; i < len(q); i++ {
		if freq[q[i]] < freq[q[k]] {
			k = i
		}
	}
	for at, fails := 0, 0; at+len(q) <= len(s); fails++ {
		i := strings.IndexByte(s[at+k:], q[k])
		if i < 0 {
			return -1
		}
		if strings.HasPrefix(s[at+i:], q) {
			return at + i
		}
		at += i + 1
		if fails > 8 && fails*32 > at {
			if i := indexHead(s[at:], q); i >= 0 {
				return at + i
			}
			return -1
		}
	}
	return -1
}

// indexHead is strings.Index(s, q) for long quotes: it looks for q's first
// 63 bytes (or fewer), which strings.Index finds with vector instructions,
// and checks the rest where they are found. For a longer q, and a text
// whose every third byte is alike, strings.Index falls back to a rolling
// hash several times slower. A text where the start of q recurs again and
// again without the rest (a run of one character) is left to
// strings.Index, which takes linear time whatever the text.
func indexHead(s, q string) int {
	const short = 63
	if len(q) <= short {
		return strings.Index(s, q)
	}
	head := q[:short]
	at := 0
	for range 16 {
		i := strings.Index(s[at:], head)
		if i < 0 {
			return -1
		}
		if strings.HasPrefix(s[at+i:], q) {
			return at + i
		}
		at += i + 1
	}
	if i := strings.Index(s[at:], q); i >= 0 {
		return at + i
	}
	return -1
}

// closest describes the text of the report nearest to a quote that was not
// found, for the error's hint: the block that holds the longest stretch the
// quote starts (or ends) with, and what differs where the quote departs
// from it ("x" where the report has "y", a character the report does not
// have, or one the quote leaves out).
func (t *searchableText) closest(quote string) string {
	q := []rune(squeeze(quote))
	at := func(part string) (*searchBlock, int) {
		for i := range t.blocks {
			if j := strings.Index(t.blocks[i].squeeze, part); j >= 0 {
				return &t.blocks[i], j
			}
		}
		return nil, -1
	}
	found := func(part string) bool { b, _ := at(part); return b != nil }
	pre := longest(len(q), func(n int) bool { return found(string(q[:n])) })
	suf := longest(len(q), func(n int) bool { return found(string(q[len(q)-n:])) })
	if max(pre, suf) < min(4, len(q)) || max(pre, suf) == len(q) {
		return "copy the quote character for character from the report; no part of it was found"
	}
	var b *searchBlock
	var shown, report string // the report's text from where the quote would start; what it has where the quote differs
	var diffAt, diffLen int  // the differing stretch of q
	if pre >= suf {
		// Where the quote's start is found, look just after it for the
		// longest end of the quote.
		var j int
		b, j = at(string(q[:pre]))
		after := b.squeeze[j+len(string(q[:pre])):]
		window := string(firstRunes(after, len(q)-pre+8))
		tail := q[pre:]
		m := longest(len(tail), func(n int) bool { return strings.Contains(window, string(tail[len(tail)-n:])) })
		diffAt, diffLen = pre, len(tail)-m
		if m > 0 {
			report = window[:strings.Index(window, string(tail[len(tail)-m:]))]
		} else {
			diffLen, report = 1, string(firstRunes(after, 1))
		}
		shown = b.squeeze[j:]
	} else {
		// Where the quote's end is found, look just before it for the
		// longest start of the quote.
		var j int
		b, j = at(string(q[len(q)-suf:]))
		before := []rune(b.squeeze[:j])
		window := string(before[max(0, len(before)-(len(q)-suf+8)):])
		head := q[:len(q)-suf]
		p := longest(len(head), func(n int) bool { return strings.Contains(window, string(head[:n])) })
		diffAt, diffLen = p, len(head)-p
		if p > 0 {
			k := strings.LastIndex(window, string(head[:p]))
			report = window[k+len(string(head[:p])):]
			shown = window[k:] + b.squeeze[j:]
		} else {
			diffAt, diffLen = len(head)-1, 1
			report = string(before[len(before)-1:])
			shown = string(before[max(0, len(before)-len(head)):]) + b.squeeze[j:]
		}
	}
	quoted := string(q[diffAt : diffAt+diffLen])
	var what string
	switch {
	case quoted == "" && report == "":
		what = "the report's text ends there"
	case quoted == "":
		what = fmt.Sprintf("the report has %q there, which the quote leaves out", report)
	case report == "":
		what = fmt.Sprintf("the quote has %q there, which the report does not", quoted)
	default:
		what = fmt.Sprintf("the quote has %q where the report has %q", quoted, report)
	}
	return fmt.Sprintf("the closest text is in %s: %q; at character %d %s",
		b.block.ID, string(firstRunes(shown, len(q)+6)), originalIndex(quote, diffAt)+1, what)
}

// longest returns the largest n in 0..max for which ok(n) holds, given that
// ok holds for every n below one for which it holds (as "the quote's first
// n characters are found" does).
func longest(limit int, ok func(n int) bool) int {
	lo, hi := 0, limit
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ok(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func firstRunes(s string, n int) []rune {
	r := []rune(s)
	return r[:min(len(r), max(n, 0))]
}

// originalIndex maps an index in squeeze(s) to the index of the same
// character in s, counting characters.
func originalIndex(s string, i int) int {
	n := 0
	for k, r := range []rune(s) {
		if isSpace(r) {
			continue
		}
		if n == i {
			return k
		}
		n++
	}
	return len([]rune(s))
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }
