package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestCardInRepository checks the card that is kept in the repository: a
// PNG of the size the pages announce.
func TestCardInRepository(t *testing.T) {
	img := decode(t, readFile(t, filepath.Join("..", "..", Out)))
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("%s is %d × %d, want %d × %d", Out, b.Dx(), b.Dy(), Width, Height)
	}
}

// TestCardUpToDate draws the card again from data/site.toml and compares
// it, pixel by pixel, with the one in the repository: a changed title
// needs `go run ./cmd/sitecard`. It needs the CJK font, and is skipped
// where it is not installed.
func TestCardUpToDate(t *testing.T) {
	if _, err := os.Stat(DefaultFont); err != nil {
		t.Skipf("no %s (apt-get install fonts-noto-cjk) to draw the card with", DefaultFont)
	}
	b, err := Card(filepath.Join("..", ".."), DefaultFont)
	if err != nil {
		t.Fatal(err)
	}
	want, got := decode(t, readFile(t, filepath.Join("..", "..", Out))), decode(t, b)
	if !samePixels(want, got) {
		t.Errorf("%s is not the card data/site.toml gives: run go run ./cmd/sitecard", Out)
	}
	// A different title gives a different card.
	f, err := loadFont(DefaultFont)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Draw(Titles{Zh: "川渝", En: "Reports"}, f)
	if err != nil {
		t.Fatal(err)
	}
	if samePixels(want, other) {
		t.Error("the card does not depend on the titles")
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}
