// Package memo lets the preview (`reportsite serve`) reuse, from one build
// to the next, what a build made of the inputs that did not change: the
// decoded and checked files, the checks of each report, the rendered pages.
//
// A value is remembered under a name ("figures data/figures/x.toml",
// "page zh/index.html") with the key it was made for: the contents of the
// files it was read from (Files) and the versions of the values it was made
// with. A build asks for the value with the key it has now; if the key is
// the one remembered, the value is taken again, else it is made anew and
// gets a new version, which changes the keys of what was made from it.
// What a build did not ask for is forgotten when it ends (Done).
//
// The output does not depend on what was remembered: a build with a Memo
// gives the same bytes as one without (a nil *Memo, which remembers
// nothing, as `build` uses), as long as every key names everything its
// value was made from. Values are shared between builds and must not be
// changed once made.
package memo

import (
	"hash/maphash"
	"io/fs"
	"strconv"
	"sync"
	"time"
)

// Memo holds the values of the last build. Its methods may be called from
// several goroutines at once.
type Memo struct {
	seed maphash.Seed

	mu      sync.Mutex
	prev    map[string]*entry // made or taken by the last build
	next    map[string]*entry // made or taken by this build
	files   map[string]file   // what Files learnt of each input file
	version uint64
	started time.Time // when this build started
	last    time.Time // when the last build started
}

type entry struct {
	key     string
	value   any
	version uint64
}

// file is what Files knows of one input file.
type file struct {
	size    int64
	modTime time.Time
	sum     uint64 // hash of the contents
}

// New returns an empty memo.
func New() *Memo {
	return &Memo{seed: maphash.MakeSeed(), prev: map[string]*entry{}, next: map[string]*entry{}, files: map[string]file{}, started: time.Now()}
}

// Get returns the value remembered under name if it was made for key, and
// otherwise makes it with make, remembering it if make says to keep it (a
// value made with errors may be worth making again). It also returns the
// value's version: a number that is new whenever the value is made, for the
// keys of the values made from it. With a nil Memo, Get always makes the
// value, and the version is 0.
func Get[T any](m *Memo, name, key string, make func() (T, bool)) (T, uint64) {
	if m == nil {
		v, _ := make()
		return v, 0
	}
	m.mu.Lock()
	e := m.next[name]
	if e == nil {
		e = m.prev[name]
	}
	if e != nil && e.key == key {
		m.next[name] = e
		m.mu.Unlock()
		return e.value.(T), e.version
	}
	m.mu.Unlock()
	v, keep := make()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.version++
	if keep {
		m.next[name] = &entry{key: key, value: v, version: m.version}
	}
	return v, m.version
}

// Serial returns a number no other call returns (0 with a nil Memo): a
// value made by Get can stamp what it holds with it, for the keys of what
// is made from those values in turn.
func (m *Memo) Serial() uint64 {
	if m == nil {
		return 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.version++
	return m.version
}

// Done ends a build: the values it did not ask for are forgotten, and the
// next build starts.
func (m *Memo) Done() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prev, m.next = m.next, map[string]*entry{}
	m.last, m.started = m.started, time.Now()
}

// Files returns a key for the contents of the named files of fsys: it is
// the same as long as none of them changes. A file whose size and time of
// change are as before is taken to be unchanged, unless it changed so
// recently that a second change could have kept both (then, and for a file
// system without times, its contents are compared). A file that cannot be
// read has a key of its own, so that it is read again, and reported, by the
// build. With a nil Memo the key is empty.
func (m *Memo) Files(fsys fs.FS, names ...string) string {
	if m == nil {
		return ""
	}
	var b []byte
	for _, name := range names {
		b = append(b, name...)
		b = append(b, 0)
		b = strconv.AppendUint(b, m.sum(fsys, name), 16)
		b = append(b, ';')
	}
	return string(b)
}

// sum is the hash of a file's contents, or 0 if it cannot be read.
func (m *Memo) sum(fsys fs.FS, name string) uint64 {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return 0
	}
	m.mu.Lock()
	known, ok := m.files[name]
	racy := info.ModTime().IsZero() || !info.ModTime().Before(m.last.Add(-time.Second))
	m.mu.Unlock()
	if ok && !racy && known.size == info.Size() && known.modTime.Equal(info.ModTime()) {
		return known.sum
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0
	}
	f := file{size: info.Size(), modTime: info.ModTime(), sum: maphash.Bytes(m.seed, data) | 1}
	m.mu.Lock()
	m.files[name] = f
	m.mu.Unlock()
	return f.sum
}

// Hash returns a short key for a long one.
func (m *Memo) Hash(key []byte) string {
	if m == nil {
		return ""
	}
	return strconv.FormatUint(maphash.Bytes(m.seed, key), 16)
}

// Sum is a hash of some strings, for a key made of many (see Join).
func (m *Memo) Sum(parts ...string) uint64 {
	if m == nil {
		return 0
	}
	var h maphash.Hash
	h.SetSeed(m.seed)
	for _, p := range parts {
		h.WriteString(p)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// Join returns a short key for n sums, in order. (The sums are mixed
// arithmetically: they are hashes already, and a page's key joins
// thousands of them.)
func (m *Memo) Join(n int, sum func(i int) uint64) string {
	if m == nil {
		return ""
	}
	h := uint64(n)
	for i := range n {
		h = mix(h ^ sum(i))
	}
	return strconv.FormatUint(h, 36)
}

// Combine returns a sum for several sums, in order (0 with a nil Memo).
func (m *Memo) Combine(sums ...uint64) uint64 {
	if m == nil {
		return 0
	}
	h := uint64(len(sums))
	for _, v := range sums {
		h = mix(h ^ v)
	}
	return h
}

// mix is the finaliser of SplitMix64: every bit of x affects every bit of
// the result.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
