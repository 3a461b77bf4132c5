package memo

import (
	"testing"
	"testing/fstest"
	"time"
)

func TestGet(t *testing.T) {
	m := New()
	made := 0
	get := func(name, key string) (string, uint64) {
		return Get(m, name, key, func() (string, bool) { made++; return name + "@" + key, true })
	}
	v1, ver1 := get("a", "k1")
	v2, ver2 := get("a", "k1")
	if v1 != "a@k1" || v2 != v1 || ver2 != ver1 || made != 1 {
		t.Fatalf("same key: got %q %q, versions %d %d, made %d times; want one making", v1, v2, ver1, ver2, made)
	}
	m.Done()
	if v, ver := get("a", "k1"); v != "a@k1" || ver != ver1 || made != 1 {
		t.Errorf("next build, same key: %q version %d, made %d times", v, ver, made)
	}
	if v, ver := get("a", "k2"); v != "a@k2" || ver == ver1 || made != 2 {
		t.Errorf("new key: %q version %d (old %d), made %d times", v, ver, ver1, made)
	}
	get("b", "k")
	m.Done() // "a" and "b" were asked for
	m.Done() // nothing was: both are forgotten
	if get("a", "k2"); made != 4 {
		t.Errorf("a value not asked for by the last build is remembered (made %d times, want 4)", made)
	}
	// A value its maker does not keep is made again.
	n := 0
	for range 2 {
		Get(m, "c", "k", func() (int, bool) { n++; return n, false })
	}
	if n != 2 {
		t.Errorf("a value made with keep = false was taken again")
	}
}

func TestNil(t *testing.T) {
	var m *Memo
	n := 0
	for range 2 {
		if _, ver := Get(m, "a", "k", func() (int, bool) { n++; return n, true }); ver != 0 {
			t.Errorf("version %d from a nil memo", ver)
		}
	}
	if n != 2 || m.Files(fstest.MapFS{}, "x") != "" || m.Hash([]byte("x")) != "" {
		t.Errorf("a nil memo remembers")
	}
	m.Done()
}

func TestFiles(t *testing.T) {
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{"a.toml": {Data: []byte("x = 1"), ModTime: old}, "b.toml": {Data: []byte("y = 2"), ModTime: old}}
	m := New()
	k1 := m.Files(fsys, "a.toml", "b.toml")
	m.Done()
	if k := m.Files(fsys, "a.toml", "b.toml"); k != k1 {
		t.Errorf("unchanged files: key %q, then %q", k1, k)
	}
	// Same size, new contents and time: a new key.
	fsys["a.toml"] = &fstest.MapFile{Data: []byte("x = 2"), ModTime: time.Now()}
	k2 := m.Files(fsys, "a.toml", "b.toml")
	if k2 == k1 {
		t.Errorf("a changed file keeps its key")
	}
	m.Done()
	// Changed again within the same time stamp and at the same size: the
	// change is recent, so the contents are compared.
	fsys["a.toml"].Data = []byte("x = 3")
	if k := m.Files(fsys, "a.toml", "b.toml"); k == k2 {
		t.Errorf("a file changed twice within its time stamp keeps its key")
	}
	// A missing file has a key of its own.
	if m.Files(fsys, "c.toml") == m.Files(fsys, "a.toml") {
		t.Errorf("a missing file has the key of an existing one")
	}
	// Without times, contents decide.
	plain := fstest.MapFS{"a": {Data: []byte("1")}}
	ka := m.Files(plain, "a")
	plain["a"].Data = []byte("2")
	if m.Files(plain, "a") == ka {
		t.Errorf("a file without a time keeps its key when its contents change")
	}
}
