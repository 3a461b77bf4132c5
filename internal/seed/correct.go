package seed

import (
	"fmt"
	"strings"
)

// Correction records one change made to a block's text by an erratum. The
// seed itself is never edited: the correction is applied to the parsed text
// and kept, so that pages can show what was changed.
type Correction struct {
	Offset    int    // byte offset in the corrected Text where Corrected starts
	Original  string // the characters as printed
	Corrected string // the characters as corrected
	Ref       int    // the erratum's number in its report, from 1
}

// Correct replaces original by corrected in the text of the block that seed
// line n went into. original must occur exactly once in that block (it may
// span the lines a paragraph was joined from). Only the characters that
// differ are recorded as the Correction.
func (d *Document) Correct(n int, original, corrected string, ref int) (*Block, error) {
	b := d.BlockAt(n)
	if b == nil {
		return nil, fmt.Errorf("line %d of %s holds no text block", n, d.File)
	}
	switch c := strings.Count(b.Text, original); c {
	case 0:
		return nil, fmt.Errorf("%q does not occur in the block at line %d (%s)", original, n, b.ID)
	case 1:
	default:
		return nil, fmt.Errorf("%q occurs %d times in the block at line %d (%s); quote more of it", original, c, n, b.ID)
	}
	at := strings.Index(b.Text, original)
	pre, suf := commonAffixes(original, corrected)
	b.Text = b.Text[:at] + corrected + b.Text[at+len(original):]
	b.Corrections = append(b.Corrections, Correction{
		Offset:    at + pre,
		Original:  original[pre : len(original)-suf],
		Corrected: corrected[pre : len(corrected)-suf],
		Ref:       ref,
	})
	return b, nil
}

// commonAffixes returns the byte lengths of the longest common prefix and
// suffix of a and b that fall on rune boundaries and do not overlap.
func commonAffixes(a, b string) (pre, suf int) {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	j := 0
	for j < len(ra)-i && j < len(rb)-i && ra[len(ra)-1-j] == rb[len(rb)-1-j] {
		j++
	}
	return len(string(ra[:i])), len(string(ra[len(ra)-j:]))
}
