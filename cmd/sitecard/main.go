// Command sitecard draws the site's card: the 1200 × 630 PNG that social
// sites and chat apps show where a page of the site is shared (og:image).
// It writes layouts/static/card.png, which the build copies to
// /assets/card.png; run it again after changing title_zh or title_en in
// data/site.toml:
//
//	go run ./cmd/sitecard [-root DIR] [-font FILE]
//
// The card shows the site's title in both languages over a small bar chart
// drawn from nothing but rectangles. Chinese needs a CJK font, which Go's
// own fonts lack: sitecard uses Noto Sans CJK (SIL Open Font License),
// from Debian's fonts-noto-cjk package (apt-get install fonts-noto-cjk).
// The font is needed only to draw the card, never to build the site, which
// is why the card is kept in the repository rather than drawn by every
// build.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the card's size, the one Open Graph recommends.
const (
	Width  = 1200
	Height = 630
)

// DefaultFont is where Debian's fonts-noto-cjk puts the bold weight.
const DefaultFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

// Out is the card's path below the site's root.
const Out = "layouts/static/card.png"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the site's root, holding data/site.toml")
	fontPath := fs.String("font", DefaultFont, "a CJK font (OpenType or TrueType, or a collection holding Noto Sans CJK SC)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	b, err := Card(*root, *fontPath)
	if err != nil {
		fmt.Fprintf(stderr, "sitecard: %v\n", err)
		return 1
	}
	out := filepath.Join(*root, Out)
	if err := os.WriteFile(out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "sitecard: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d × %d, %d bytes)\n", out, Width, Height, len(b))
	return 0
}

// Titles are the site's titles from data/site.toml.
type Titles struct {
	Zh string `toml:"title_zh"`
	En string `toml:"title_en"`
}

// Card reads the titles and the font and returns the card as a PNG.
func Card(root, fontPath string) ([]byte, error) {
	var t Titles
	if _, err := toml.DecodeFile(filepath.Join(root, "data", "site.toml"), &t); err != nil {
		return nil, err
	}
	if t.Zh == "" || t.En == "" {
		return nil, errors.New("data/site.toml has no title_zh or title_en")
	}
	f, err := loadFont(fontPath)
	if err != nil {
		return nil, fmt.Errorf("%v (install Debian's fonts-noto-cjk, or name a CJK font with -font)", err)
	}
	img, err := Draw(t, f)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// loadFont reads a font, or from a collection the font for Simplified
// Chinese (Noto Sans CJK SC).
func loadFont(p string) (*sfnt.Font, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var first *sfnt.Font
	for i := range c.NumFonts() {
		f, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		name, _ := f.Name(nil, sfnt.NameIDFull)
		if bytes.Contains([]byte(name), []byte(" SC")) {
			return f, nil
		}
		if first == nil {
			first = f
		}
	}
	if first == nil {
		return nil, errors.New(p + " holds no font")
	}
	return first, nil
}

// Draw draws the card: the titles on the site's blue, a baseline and five
// bars, one for each report, the last one marked.
func Draw(t Titles, f *sfnt.Font) (*image.RGBA, error) {
	// The site's colours (layouts/static/css/site.css).
	accent := color.RGBA{0x1f, 0x4e, 0x79, 0xff}
	soft := color.RGBA{0xf5, 0xf7, 0xfa, 0xff}
	mark := color.RGBA{0xf2, 0xb1, 0x34, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	pale := color.RGBA{0xc9, 0xd8, 0xe8, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
	}
	fill(img.Bounds(), accent)
	fill(image.Rect(0, Height-90, Width, Height), soft)
	// Bars rising towards the right, standing on the light band.
	for i, h := range []int{120, 170, 150, 230, 290} {
		x := 800 + i*72
		c := pale
		if i == 4 {
			c = mark
		}
		fill(image.Rect(x, Height-90-h, x+48, Height-90), c)
	}
	zh, err := face(f, 76)
	if err != nil {
		return nil, err
	}
	en, err := face(f, 34)
	if err != nil {
		return nil, err
	}
	small, err := face(f, 26)
	if err != nil {
		return nil, err
	}
	write(img, zh, white, 80, 210, t.Zh)
	y := 290
	for _, line := range wrap(en, t.En, 660) {
		write(img, en, white, 80, y, line)
		y += 48
	}
	write(img, small, accent, 80, Height-34, "重庆 · 四川  Chongqing · Sichuan")
	return img, nil
}

func face(f *sfnt.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

func write(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks English text into lines no wider than width pixels, at
// spaces.
func wrap(f font.Face, s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range bytes.Fields([]byte(s)) {
		next := string(w)
		if line != "" {
			next = line + " " + next
		}
		if line != "" && font.MeasureString(f, next).Ceil() > width {
			lines = append(lines, line)
			line = string(w)
			continue
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
