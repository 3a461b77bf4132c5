package dataset

import (
	"fmt"
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
	return t
}

// find returns the first match of quote in the body, preferring running
// text to highlights (which repeat it), and whether it was found.
func (t *searchableText) find(quote string) (Match, bool) {
	q := squeeze(quote)
	if q == "" {
		return Match{}, false
	}
	for _, pass := range []func(seed.Kind) bool{
		func(k seed.Kind) bool { return k != seed.Highlight },
		func(k seed.Kind) bool { return k == seed.Highlight },
	} {
		for _, sb := range t.blocks {
			if !pass(sb.block.Kind) {
				continue
			}
			if i := strings.Index(sb.squeeze, q); i >= 0 {
				end := sb.offset(i + len(q) - 1)
				// end is the start of the last rune; move past it.
				full := sb.block.Lead + sb.block.Text
				_, size := utf8.DecodeRuneInString(full[end:])
				return Match{Block: sb.block, Start: sb.offset(i), End: end + size}, true
			}
		}
	}
	return Match{}, false
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
