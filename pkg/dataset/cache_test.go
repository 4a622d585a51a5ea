package dataset

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fixtureCopy is a --data folder the test may change.
func fixtureCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/fixture")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func load(t *testing.T, dir, cache string, wantHit bool) *Dataset {
	t.Helper()
	ds, hit, err := fromDirCached(dir, cache)
	if err != nil {
		t.Fatal(err)
	}
	if hit != wantHit {
		t.Fatalf("cache hit = %v, want %v", hit, wantHit)
	}
	return ds
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCacheEqualsFullLoad: what the cache gives back is what parsing and
// checking the YAML gives, indexes and back pointers included.
func TestCacheEqualsFullLoad(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	// Lists written empty ([]), which must come back empty, not absent.
	edit(t, filepath.Join(dir, "documents", "cn-position-2024.yaml"), `  "heading": []`, `  "heading": []`+"\n"+`  "footnotes": []`)
	edit(t, filepath.Join(dir, "mappings", "cn-position-2024.yaml"), `"status": "complete"`, `"status": "complete"`+"\n"+`"curators": []`)
	load(t, dir, cache, false)
	got := load(t, dir, cache, true)
	want, err := FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the dataset read from the cache differs from the one loaded from YAML")
	}
	for _, d := range got.Corpus.Docs {
		for i := range d.Clauses {
			if d.Clauses[i].Doc != d {
				t.Fatalf("%s:%s does not point back at its document", d.ID, d.Clauses[i].ID)
			}
		}
	}
}

// TestCacheFollowsTheFiles: any change to a data file misses the cache,
// and a file that no longer loads is reported as without a cache, never
// hidden by an older good copy.
func TestCacheFollowsTheFiles(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	file := filepath.Join(dir, "mappings", "cn-speech-2014.yaml")
	first := load(t, dir, cache, false)
	edit(t, file, `"version": `, `"version": "9.9.9"`+"\n"+`"x_version": `)
	if _, _, err := fromDirCached(dir, cache); err == nil || !strings.Contains(err.Error(), "cn-speech-2014.yaml:") {
		t.Fatalf("a broken mapping file loaded from the cache: %v", err)
	}
	edit(t, file, "\n"+`"x_version": `, "\n# ")
	ds := load(t, dir, cache, false)
	if f, _ := ds.Mappings.For("cn-speech-2014"); f.Version != "9.9.9" {
		t.Fatalf("the edited version was not loaded: %q", f.Version)
	}
	if ds.Version == first.Version {
		t.Fatal("the data version did not change with the data")
	}
	load(t, dir, cache, true)
}

// TestCacheOnlySavesTime: a damaged cache file, or a cache folder that
// cannot be written, changes nothing but the time taken.
func TestCacheOnlySavesTime(t *testing.T) {
	dir, cache := fixtureCopy(t), t.TempDir()
	want := load(t, dir, cache, false)
	file := cacheFile(cache, dir)
	for _, damage := range []func() error{
		func() error { return os.Truncate(file, 100) },
		func() error { return os.WriteFile(file, []byte("not a cache"), 0o600) },
	} {
		if err := damage(); err != nil {
			t.Fatal(err)
		}
		if got := load(t, dir, cache, false); !reflect.DeepEqual(got, want) {
			t.Fatal("a damaged cache changed what was loaded")
		}
		load(t, dir, cache, true)
	}
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	load(t, dir, notADir, false)
	load(t, dir, notADir, false)
	load(t, dir, "", false)
}

func TestCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/x")
	for env, want := range map[string]string{"": "/x/crosswalk", "off": "", "/y": "/y"} {
		t.Setenv("CROSSWALK_CACHE", env)
		if got := CacheDir(); got != want {
			t.Errorf("CROSSWALK_CACHE=%q: got %q, want %q", env, got, want)
		}
	}
}

// decodeEntry decodes an entry alone, as readCache does after the inputs.
func decodeEntry(data []byte) (*cacheEntry, error) {
	var e cacheEntry
	d := decoder{b: data, fields: fields{}}
	if err := d.value(reflect.ValueOf(&e).Elem()); err != nil {
		return nil, err
	}
	if len(d.b) > 0 {
		return nil, errDamaged
	}
	return &e, nil
}

// FuzzCacheDecode: whatever an entry holds, decoding returns data or an
// error, never panics, and never allocates more than the input can hold.
func FuzzCacheDecode(f *testing.F) {
	ds, err := FromDir("../../testdata/fixture")
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	th := ds.Corpus.Themes
	enc := encoder{w: w, fields: fields{}}
	if err := enc.value(reflect.ValueOf(cacheEntry{Version: ds.Version, Themes: th.List, Sets: th.Sets, Variants: th.Variants,
		Docs: ds.Corpus.Docs[:1], Mappings: ds.Mappings.Files[:1]})); err != nil {
		f.Fatal(err)
	}
	w.Flush()
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeEntry(data)
		if (e == nil) == (err == nil) {
			t.Fatalf("decodeEntry gave %v and %v", e, err)
		}
	})
}
