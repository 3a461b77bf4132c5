package dataset

import (
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
	offsets []int  // byte offset in Lead+Text of each byte of squeeze
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
		var sb strings.Builder
		var offs []int
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
				end := sb.offsets[i+len(q)-1]
				// end is the start of the last rune; move past it.
				full := sb.block.Lead + sb.block.Text
				_, size := utf8.DecodeRuneInString(full[end:])
				return Match{Block: sb.block, Start: sb.offsets[i], End: end + size}, true
			}
		}
	}
	return Match{}, false
}

// nearest returns the block whose text shares the longest prefix with the
// quote, to suggest where a mistyped quote may have come from.
func (t *searchableText) nearest(quote string) (string, string) {
	q := []rune(squeeze(quote))
	best, bestID, bestAt := 0, "", ""
	for _, sb := range t.blocks {
		s := sb.squeeze
		for n := len(q); n > best && n >= 4; n-- {
			if i := strings.Index(s, string(q[:n])); i >= 0 {
				best, bestID = n, sb.block.ID
				rest := []rune(s[i:])
				bestAt = string(rest[:min(len(rest), len(q)+4)])
				break
			}
		}
	}
	return bestID, bestAt
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
