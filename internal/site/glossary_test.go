package site

import (
	"strings"
	"testing"
)

// TestAppendLower checks appendLower against strings.ToLower, on the kinds of text
// it takes a shortcut for and on those it does not.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "The City’s Industry – 5.5%", "ÉTAT Über", "İstanbul", "bad \xff UTF-8 ABC", "中文 Text", "ALL CAPS"} {
		if got, want := string(appendLower([]byte("kept:"), s)), "kept:"+strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}
