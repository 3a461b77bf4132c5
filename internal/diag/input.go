package diag

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

// MaxInputSize is the largest input file the pipeline reads: 8 MiB, more
// than forty times the largest file of the real site. A larger file is
// refused with an error rather than read, so that a stray file cannot make
// a build slow or run out of memory.
const MaxInputSize = 8 << 20

// ReadInput reads an input text file: it must exist, be at most
// MaxInputSize bytes and be UTF-8. A UTF-8 byte-order mark is removed
// (editors on Windows add one), so positions count from the first
// character after it.
func ReadInput(fsys fs.FS, path string) ([]byte, *Error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, Errorf(Pos{File: path}, "cannot read: %v", unwrapPathError(err))
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, Errorf(Pos{File: path}, "is a folder, not a file")
		}
		size = int(min(info.Size(), MaxInputSize+1))
	}
	// Read into a buffer of the file's size, not one grown step by step;
	// a file that grew since it was looked at is read on.
	data := make([]byte, size, size+1)
	n, err := io.ReadFull(f, data)
	data = data[:n]
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
	case err != nil:
		return nil, Errorf(Pos{File: path}, "cannot read: %v", unwrapPathError(err))
	default:
		rest, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1-int64(n)))
		if err != nil {
			return nil, Errorf(Pos{File: path}, "cannot read: %v", unwrapPathError(err))
		}
		data = append(data, rest...)
	}
	if len(data) > MaxInputSize {
		return nil, &Error{Pos: Pos{File: path}, Msg: fmt.Sprintf("file is larger than %d MiB", MaxInputSize>>20),
			Hint: "input files are limited in size; split it, or check that it is the file you meant"}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, &Error{Pos: invalidUTF8(path, data), Msg: "invalid UTF-8", Hint: "save the file as UTF-8 text"}
	}
	return data, nil
}

// invalidUTF8 is the position of the first byte that is not UTF-8.
func invalidUTF8(path string, data []byte) Pos {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return PosAt(path, data, off)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
