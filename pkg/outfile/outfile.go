// Package outfile writes what -o names, respecting what is already there:
// a regular file is replaced atomically and keeps its mode, a new one
// follows the umask, a link is written through to its target, a device or
// named pipe is written to (never replaced), and anything else is refused.
package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/cleanup"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Write writes data to name. No folder in protected (the --data inputs) is
// ever written into. Every error names the user's file, never a temporary
// one.
func Write(name string, data []byte, protected ...string) error {
	fail := func(err error) error {
		if err == nil {
			return nil
		}
		var pe *fs.PathError
		var le *os.LinkError
		if errors.As(err, &pe) {
			err = pe.Err
		} else if errors.As(err, &le) {
			err = le.Err
		}
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	target, err := resolve(name)
	if err != nil {
		return fail(err)
	}
	for _, dir := range protected {
		if inside(dir, target) {
			return fmt.Errorf("cannot write %s: it is inside %s, which --data reads; write the output elsewhere", name, dir)
		}
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(replace(target, data, 0))
	case err != nil:
		return fail(err)
	case info.Mode().IsRegular():
		return fail(replace(target, data, info.Mode().Perm()|info.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)))
	case info.Mode()&fs.ModeCharDevice != 0, info.Mode()&fs.ModeNamedPipe != 0:
		return fail(writeThrough(target, data))
	case info.IsDir():
		return fail(errors.New("it is a folder"))
	}
	return fail(errors.New("it is neither a regular file, a character device nor a named pipe"))
}

// resolve follows symbolic links from name to the path they end at, which
// may not exist yet (a link to a file still to be written).
func resolve(name string) (string, error) {
	for hops := 0; hops < 40; hops++ {
		info, err := os.Lstat(name)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
			return name, nil
		}
		link, err := os.Readlink(name)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(name), link)
		}
		name = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// inside reports whether path is dir or within it, links resolved.
func inside(dir, path string) bool {
	real := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return r
		}
		// A file still to be created: resolve its folder.
		if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			return filepath.Join(r, filepath.Base(abs))
		}
		return abs
	}
	d, p := real(dir), real(path)
	return p == d || strings.HasPrefix(p, strings.TrimSuffix(d, string(filepath.Separator))+string(filepath.Separator))
}

// replace writes a temporary file beside target and renames it into place,
// so a reader never sees half a file. mode 0 means a new file: it is
// created 0666 and the umask decides, as for any new file.
func replace(target string, data []byte, mode fs.FileMode) error {
	tmp, f, err := createTemp(target)
	if err != nil {
		return err
	}
	defer cleanup.Track(tmp)()
	defer os.Remove(tmp) // after a successful rename, there is nothing to remove
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && mode != 0 {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	return err
}

// createTemp creates a new file beside target, mode 0666 before the umask.
func createTemp(target string) (string, *os.File, error) {
	for range 100 {
		var b [6]byte
		_, _ = rand.Read(b[:])
		tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+diag.TempMarker+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return tmp, f, err
		}
	}
	return "", nil, errors.New("cannot create a temporary file beside it")
}

// writeThrough writes to a device or named pipe as a shell's > would,
// without creating or truncating anything.
func writeThrough(target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
