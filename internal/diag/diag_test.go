package diag

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    *Error
		want string
	}{
		{&Error{Pos: Pos{File: "a.toml", Line: 3, Col: 7}, Msg: "bad", Hint: "good"}, "a.toml:3:7: bad (good)"},
		{&Error{Pos: Pos{File: "a.toml", Line: 3}, Msg: "bad"}, "a.toml:3: bad"},
		{&Error{Pos: Pos{File: "a.toml"}, Msg: "bad", Severity: SevWarning}, "a.toml: warning: bad"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestList(t *testing.T) {
	var l List
	l.Warn(Pos{File: "b", Line: 1}, "", "w")
	if l.Err() != nil {
		t.Error("a list of warnings is an error")
	}
	l.Add(Pos{File: "b", Line: 2, Col: 1}, "", "second")
	l.Add(Pos{File: "a", Line: 9}, "", "first")
	l.Append(errors.New("plain"))
	l.Append(List{{Pos: Pos{File: "c"}, Msg: "nested"}})
	l.Sort()
	var got []string
	for _, e := range l {
		got = append(got, e.Error())
	}
	want := ": plain|a:9: first|b:1: warning: w|b:2:1: second|c: nested"
	if strings.Join(got, "|") != want {
		t.Errorf("sorted list = %q, want %q", strings.Join(got, "|"), want)
	}
	if len(l.Errors()) != 4 || len(l.Warnings()) != 1 || l.Err() == nil {
		t.Errorf("Errors %d, Warnings %d, Err %v", len(l.Errors()), len(l.Warnings()), l.Err())
	}
}

func TestExcerpt(t *testing.T) {
	fsys := fstest.MapFS{"f.toml": {Data: []byte("one\ntwo\nthree\nfour\nfive\n")}}
	ex := ExcerptAt(fsys, Pos{File: "f.toml", Line: 2, Col: 1}, 2)
	var got []string
	for _, l := range ex.Lines {
		mark := " "
		if l.Marked {
			mark = ">"
		}
		got = append(got, mark+l.Text)
	}
	if strings.Join(got, ",") != " one,>two, three, four" {
		t.Errorf("excerpt = %q", got)
	}
	if len(ExcerptAt(fsys, Pos{File: "missing"}, 2).Lines) != 0 {
		t.Error("excerpt of a missing file")
	}
}
