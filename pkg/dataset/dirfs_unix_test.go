//go:build unix

package dataset

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// TestDirFSRefusesSpecialFiles: a named pipe, a socket or a device in a
// --data folder is refused by name instead of blocking the reader, and a
// file over MaxFileSize is refused before it is read.
func TestDirFSRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock.yaml"))
	if err == nil {
		defer l.Close()
	}
	if err := os.Symlink("/dev/null", filepath.Join(dir, "dev.yaml")); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileSize+1); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte("id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := DirFS(dir)
	for name, want := range map[string]string{
		"pipe.yaml": "cannot read: it is a named pipe (FIFO), not a regular file",
		"sock.yaml": "cannot read: it is a socket, not a regular file",
		"dev.yaml":  "cannot read: it is a device, not a regular file",
		"big.yaml":  "cannot read: it is 32.0 MiB; data files over 32 MiB are refused",
	} {
		if name == "sock.yaml" && l == nil {
			continue
		}
		done := make(chan error, 1)
		go func() { _, err := fs.ReadFile(fsys, name); done <- err }()
		select {
		case err := <-done:
			if got := diag.ReadProblem("documents/"+name, err).String(); got != "documents/"+name+": "+want {
				t.Errorf("%s: %q, want %q", name, got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s blocks", name)
		}
		if _, err := fsys.Open(name); err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(want, "cannot read: ")) {
			t.Errorf("Open(%s) = %v", name, err)
		}
	}
	if b, err := fs.ReadFile(fsys, "ok.yaml"); err != nil || string(b) != "id: x\n" {
		t.Errorf("a regular file: %q, %v", b, err)
	}
	if _, err := fs.ReadFile(fsys, "missing.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if names, err := fs.Glob(fsys, "*.yaml"); err != nil || len(names) < 4 {
		t.Errorf("Glob sees %v, %v", names, err)
	}
}
