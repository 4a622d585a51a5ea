package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the largest file read from a --data folder: 32 MiB, about
// 200 times the largest shipped file. Larger files are refused before a
// byte is read.
const MaxFileSize = 32 << 20

// DirFS is os.DirFS for a --data folder: it opens folders and regular files
// (symbolic links to them included, if they stay inside dir) no larger than
// MaxFileSize, and refuses named pipes, devices and sockets by name, which
// would otherwise block the reader or never end. It is the one reader of
// user folders: --data, agree --with and audit all go through it.
func DirFS(dir string) fs.FS { return DirFSWithin(dir, dir) }

// DirFSWithin is DirFS for dir, a folder inside root: links may lead
// anywhere inside root, never out of it.
func DirFSWithin(root, dir string) fs.FS {
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if r, err := filepath.Abs(root); err == nil {
		root = r
	}
	return dataFS{os.DirFS(dir), dir, root}
}

type dataFS struct {
	fsys      fs.FS
	dir, root string
}

func (d dataFS) Open(name string) (fs.File, error) {
	if _, err := d.check(name); err != nil {
		return nil, err
	}
	return d.fsys.Open(name)
}

// ReadFile reads at most MaxFileSize bytes, so a file that grows after the
// check is refused too. The buffer is sized from the check: growing it from
// nothing copied every byte several times.
func (d dataFS) ReadFile(name string) ([]byte, error) {
	size, err := d.check(name)
	if err != nil {
		return nil, err
	}
	f, err := d.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	return data, nil
}

func (d dataFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// ReadDir refuses a folder that leads out of the data folder, like a file.
func (d dataFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := d.check(name); err != nil {
		return nil, err
	}
	return fs.ReadDir(d.fsys, name)
}

// check looks at what name is before anything opens it: opening a named
// pipe blocks until a writer comes. It returns the file's size.
func (d dataFS) check(name string) (int64, error) {
	info, err := fs.Stat(d.fsys, name)
	if err != nil {
		return 0, err
	}
	switch m := info.Mode(); {
	case !m.IsDir() && !m.IsRegular():
		return 0, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("it is %s, not a regular file", fileKind(m))}
	case info.Size() > MaxFileSize && !m.IsDir():
		return 0, tooLarge(name, info.Size())
	}
	// A link out of the data folder is refused before anything is read,
	// so no line of a file elsewhere reaches a message.
	real, err := filepath.EvalSymlinks(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		return 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if real, err = filepath.Abs(real); err != nil || !within(d.root, real) {
		return 0, &fs.PathError{Op: "open", Path: name, Err: errOutside}
	}
	if info.IsDir() {
		return 0, nil
	}
	return info.Size(), nil
}

var errOutside = errors.New("it is a symbolic link that leads out of the data folder")

// within reports whether path is root or inside it.
func within(root, path string) bool {
	return path == root || strings.HasPrefix(path, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator))
}

func tooLarge(name string, size int64) error {
	return &fs.PathError{Op: "open", Path: name,
		Err: fmt.Errorf("it is %.1f MiB; data files over %d MiB are refused", float64(size)/(1<<20), MaxFileSize>>20)}
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "a special file"
}
