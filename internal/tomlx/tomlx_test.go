package tomlx

import (
	"testing"
	"testing/fstest"
)

type figures struct {
	Figure []struct {
		ID    string
		Value float64
	}
}

func TestDecodePositions(t *testing.T) {
	src := "# c\n[[figure]]\nid = \"a\"\nvalue = 1\n\n[[figure]]\n  id = \"b\"\n  valeu = 2\n"
	fsys := fstest.MapFS{"f.toml": {Data: []byte(src)}}
	var v figures
	f, errs := Decode(fsys, "f.toml", &v)
	if len(errs) != 1 || errs[0].Error() != `f.toml:8:3: unknown key "figure.valeu" (check the spelling against docs/EDITING.md)` {
		t.Fatalf("Decode errors = %v", errs)
	}
	for _, tc := range []struct {
		index int
		key   string
		want  string
	}{
		{0, "id", "f.toml:3:6"}, {0, "value", "f.toml:4:9"}, {1, "id", "f.toml:7:8"}, {1, "value", "f.toml:6:1"},
	} {
		if got := f.Pos("figure", tc.index, tc.key).String(); got != tc.want {
			t.Errorf("Pos(figure, %d, %s) = %s, want %s", tc.index, tc.key, got, tc.want)
		}
	}
}

func TestDecodeSyntaxError(t *testing.T) {
	fsys := fstest.MapFS{"f.toml": {Data: []byte("[[figure]]\nid = \"a\nvalue = 1\n")}}
	var v figures
	_, errs := Decode(fsys, "f.toml", &v)
	if len(errs) != 1 || errs[0].Pos.String() != "f.toml:2:8" {
		t.Fatalf("Decode errors = %v, want one at f.toml:2:8 (the newline inside the string)", errs)
	}
	_, errs = DecodeBytes("page.md", []byte("title = 3\nx = = 1\n"), 1, &struct{ Title int }{})
	if len(errs) != 1 || errs[0].Pos.Line != 3 {
		t.Fatalf("DecodeBytes with offset: errors = %v, want line 3", errs)
	}
}
