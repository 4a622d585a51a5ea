//go:build unix

package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mode(t *testing.T, name string) os.FileMode {
	t.Helper()
	info, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode()
}

// noTemps fails if a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".crosswalk-tmp-") {
			t.Errorf("a temporary file is left behind: %s", e.Name())
		}
	}
}

func TestExistingFileKeepsItsMode(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "r.md")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, name); got != "new" {
		t.Errorf("content %q", got)
	}
	if m := mode(t, name); m != 0o600 {
		t.Errorf("mode %v, want -rw-------", m)
	}
	noTemps(t, dir)
}

func TestNewFileFollowsTheUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	name := filepath.Join(dir, "r.md")
	if err := Write(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, name); m != 0o600 {
		t.Errorf("mode %v under umask 077, want -rw-------", m)
	}
}

func TestSymlinkIsWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, link); m&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got := read(t, target); got != "new" {
		t.Errorf("the target holds %q", got)
	}
	if m := mode(t, target); m != 0o640 {
		t.Errorf("the target's mode is %v, want -rw-r-----", m)
	}
	// A link to a file not there yet creates that file.
	dangling := filepath.Join(dir, "later.md")
	if err := os.Symlink("made.md", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "made.md")); got != "x" {
		t.Errorf("the link's new target holds %q", got)
	}
	noTemps(t, dir)
}

func TestDevicesAndPipesAreWrittenNotReplaced(t *testing.T) {
	if err := Write("/dev/null", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, "/dev/null"); m&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is now %v", m)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string)
	go func() { got <- read(t, fifo) }()
	if err := Write(fifo, []byte("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the reader got %q", s)
	}
	if m := mode(t, fifo); m&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe is now %v", m)
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	input := filepath.Join(data, "mappings", "x.yaml")
	if err := os.MkdirAll(filepath.Dir(input), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "sneaky.json")
	if err := os.Symlink(input, link); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		input: "inside " + filepath.Join(data, "mappings") + ", which --data reads",
		link:  "which --data reads",
		filepath.Join(data, "mappings", "new.md"): "which --data reads",
		dir: "it is a folder",
	} {
		err := Write(name, []byte("x"), filepath.Join(data, "documents"), filepath.Join(data, "mappings"))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "cannot write "+name+": ") {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	if got := read(t, input); got != "keep" {
		t.Errorf("the --data input now holds %q", got)
	}
	noTemps(t, filepath.Dir(input))
}
