//go:build unix

package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCacheDamageIsAMiss: flipping any byte of a cache file (checked at
// spread positions, header, inputs and entry alike) gives what a parse
// gives, never a panic, and the file is rewritten so the next run hits.
func TestCacheDamageIsAMiss(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	want := load(t, dir, cache, false)
	file := cacheFile(cache, dir)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range spread(len(good), 40) {
		bad := bytes.Clone(good)
		bad[at] ^= 0x20
		if err := os.WriteFile(file, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := load(t, dir, cache, false); !reflect.DeepEqual(got, want) {
			t.Fatalf("a flipped byte at %d changed what was loaded", at)
		}
		load(t, dir, cache, true)
	}
}

// spread gives n offsets across a file of size bytes, the first and last
// included.
func spread(size, n int) []int {
	out := []int{0, size - 1}
	for i := 1; i < n; i++ {
		out = append(out, i*size/n)
	}
	return out
}

// TestForgedCacheIsChecked: an entry with a valid checksum whose record
// names a clause that does not exist is refused by the reference checks,
// as a parse would refuse it, instead of reaching a report.
func TestForgedCacheIsChecked(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	want := load(t, dir, cache, false)
	forged, read, probs := loadReads(DirFS(filepath.Join(dir, "documents")), DirFS(filepath.Join(dir, "mappings")), translationsFS(dir), dir)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	forged.Mappings.Files[0].Records[0].Target = "99.99"
	writeCache(cacheFile(cache, dir), executableSum(), read.inputs(), forged)
	if got := load(t, dir, cache, false); !reflect.DeepEqual(got, want) {
		t.Fatal("a forged cache entry changed what was loaded")
	}
}

// TestCacheFileGuards: a cache file that is a named pipe or a link to a
// device is a miss at once, not a hang or an endless read.
func TestCacheFileGuards(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	file := cacheFile(cache, dir)
	if err := syscall.Mkfifo(file, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan bool)
	go func() { _, hit, _ := fromDirCached(dir, cache); done <- hit }()
	select {
	case hit := <-done:
		if hit {
			t.Fatal("a named pipe was read as a cache")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a named pipe in the cache blocks the run")
	}
	os.Remove(file)
	if err := os.Symlink("/dev/zero", file); err != nil {
		t.Fatal(err)
	}
	if _, err := readCacheFile(file); err == nil {
		t.Fatal("a link to /dev/zero was read as a cache file")
	}
}

// TestCacheKeyCoversEverySourceFile: a source file with any name is among
// the inputs, so breaking it is noticed by the next run.
func TestCacheKeyCoversEverySourceFile(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	doc := filepath.Join(dir, "documents", "cn-speech-2014.yaml")
	b, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "documents", "source", "cn-speech-2014.txt")
	if err := os.Rename(src, filepath.Join(dir, "documents", "source", "speech.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, []byte(strings.ReplaceAll(string(b), "source/cn-speech-2014.txt", "source/speech.md")), 0o644); err != nil {
		t.Fatal(err)
	}
	load(t, dir, cache, false)
	load(t, dir, cache, true)
	if err := os.WriteFile(filepath.Join(dir, "documents", "source", "speech.md"), []byte("something else\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := fromDirCached(dir, cache); err == nil || !strings.Contains(err.Error(), "not verbatim") {
		t.Fatalf("a broken source file went unnoticed: %v", err)
	}
}

// TestStaleTempFilesRemoved: a temporary cache file left by a killed run
// is removed by the next write once it is old; a young one is left alone.
func TestStaleTempFilesRemoved(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	old, young := filepath.Join(cache, ".data-1.tmp"), filepath.Join(cache, ".data-2.tmp")
	for _, f := range []string{old, young} {
		if err := os.WriteFile(f, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleAge)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	load(t, dir, cache, false)
	if _, err := os.Stat(old); err == nil {
		t.Error("an old temporary file is still there")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a young temporary file was removed:", err)
	}
}

// TestUnlistableFolderIsAnError: a mappings folder that can be entered but
// not listed is an error naming it, never an empty set of mappings.
func TestUnlistableFolderIsAnError(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root lists any folder")
	}
	dir := fixtureCopy(t)
	maps := filepath.Join(dir, "mappings")
	if err := os.Chmod(maps, 0o311); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(maps, 0o755)
	if _, err := FromDir(dir); err == nil || !strings.Contains(err.Error(), "mappings: cannot read") {
		t.Fatalf("an unlistable mappings folder: %v", err)
	}
}

// TestLinksOutOfTheDataFolder: a link to a file outside the data folder is
// refused by name and nothing of the file is echoed; a link inside it is
// followed.
func TestLinksOutOfTheDataFolder(t *testing.T) {
	dir := fixtureCopy(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP SECRET LINE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "documents", "source", "cn-speech-2014.txt")
	if err := os.Rename(src, filepath.Join(dir, "speech.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../speech.txt", src); err != nil {
		t.Fatal(err)
	}
	if _, err := FromDir(dir); err != nil {
		t.Fatalf("a link inside the data folder: %v", err)
	}
	os.Remove(src)
	if err := os.Symlink(secret, src); err != nil {
		t.Fatal(err)
	}
	_, err := FromDir(dir)
	if err == nil || !strings.Contains(err.Error(), "leads out of the data folder") || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("a link out of the data folder: %v", err)
	}
}
