package dataset

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// A --data folder is parsed and checked in full the first time; the checked
// result is then kept in the user's cache, keyed by the SHA-256 of every
// data file's bytes and of the crosswalk binary itself, so later runs on the
// same bytes skip the YAML parser (at 100× the shipped corpus, over a second
// of every command). Any change to a file, or a new binary, misses the
// cache and takes the full path with its file:line diagnostics; only data
// that loaded without problems is ever stored.

// CacheDir is where checked --data folders are kept: $CROSSWALK_CACHE if
// set ("off" for no cache), else crosswalk/ under the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache). "" means no cache.
func CacheDir() string {
	switch dir := os.Getenv("CROSSWALK_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "crosswalk")
	default:
		return dir
	}
}

// FromDirCached is FromDir through the cache in cacheDir ("" for none).
// The cache never changes what is loaded or reported: a cache that is
// missing, stale, unreadable or unwritable only costs the full check.
func FromDirCached(dir, cacheDir string) (*Dataset, error) {
	ds, _, err := fromDirCached(dir, cacheDir)
	return ds, err
}

// cacheMagic starts every cache file; a file of another format or version
// is a miss.
const cacheMagic = "crosswalk data cache 1\n"

// cacheEntry is the checked data in the snapshot's shape (indexes are
// rebuilt on load). A cache file is cacheMagic, the key, then the entry.
type cacheEntry struct {
	Version  string
	Themes   []corpus.Theme
	Sets     []corpus.ThemeSet
	Variants []corpus.VariantGroup
	Docs     []*corpus.Document
	Mappings []*mapping.File
}

func fromDirCached(dir, cacheDir string) (ds *Dataset, hit bool, err error) {
	if err := hasDataDirs(dir); err != nil {
		return nil, false, err
	}
	docs, maps := DirFS(filepath.Join(dir, "documents")), DirFS(filepath.Join(dir, "mappings"))
	exe := executableSum()
	if cacheDir == "" || exe == nil {
		return loadDir(docs, maps, dir)
	}
	sums, ok := dataSums(map[string]fs.FS{"documents/": docs, "mappings/": maps})
	if !ok {
		return loadDir(docs, maps, dir) // Load reports what could not be read
	}
	key := cacheKey(exe, sums)
	file := cacheFile(cacheDir, dir)
	if ds, ok := readCache(file, key, dir); ok {
		return ds, true, nil
	}
	// A miss reads the files again rather than hold them all in memory
	// while they are parsed.
	ds, _, err = loadDir(docs, maps, dir)
	if err == nil {
		writeCache(file, key, ds)
	}
	return ds, false, err
}

func loadDir(docs, maps fs.FS, dir string) (*Dataset, bool, error) {
	ds, probs := Load(docs, maps, dir)
	return ds, false, probs.Err()
}

// dataSums hashes every data file (.yaml, .txt) under each folder, keyed
// by prefix+path. ok is false if any cannot be read: the full load then
// says why.
func dataSums(fss map[string]fs.FS) (map[string][sha256.Size]byte, bool) {
	type name struct{ prefix, rel string }
	var names []name
	for prefix, fsys := range fss {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (path.Ext(p) == ".yaml" || path.Ext(p) == ".txt") {
				names = append(names, name{prefix, p})
			}
			return err
		})
		if err != nil {
			return nil, false
		}
	}
	sums := make([][sha256.Size]byte, len(names))
	errs := make([]error, len(names))
	diag.Parallel(len(names), func(i int) {
		var data []byte
		data, errs[i] = fs.ReadFile(fss[names[i].prefix], names[i].rel)
		sums[i] = sha256.Sum256(data)
	})
	out := make(map[string][sha256.Size]byte, len(names))
	for i, n := range names {
		if errs[i] != nil {
			return nil, false
		}
		out[n.prefix+n.rel] = sums[i]
	}
	return out, true
}

// cacheKey covers the binary (a new crosswalk may load differently) and
// every data file's name and bytes.
func cacheKey(exe []byte, sums map[string][sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(exe)
	for _, name := range slices.Sorted(maps.Keys(sums)) {
		fmt.Fprintf(h, "%s\x00%x\x00", name, sums[name])
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// executableSum is the SHA-256 of the running binary, nil if it cannot be
// read (then nothing is cached).
var executableSum = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(data)
	return sum[:]
})

// cacheFile is one file per --data folder, so the cache holds the latest
// state of each folder used and does not grow with every edit.
func cacheFile(cacheDir, dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	sum := sha256.Sum256([]byte(dir))
	return filepath.Join(cacheDir, "data-"+hex.EncodeToString(sum[:8])+".cache")
}

// readCache reads file if it was made for key.
func readCache(file string, key [sha256.Size]byte, dir string) (*Dataset, bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(data, append([]byte(cacheMagic), key[:]...))
	if !ok {
		return nil, false
	}
	e, err := decodeEntry(rest)
	if err != nil {
		return nil, false
	}
	return &Dataset{Corpus: corpus.New(e.Docs, e.Themes, e.Sets, e.Variants), Mappings: &mapping.Set{Files: e.Mappings},
		Origin: dir, Version: e.Version}, true
}

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

// writeCache stores ds under key; a failure leaves no file behind and is
// not reported, since the cache only saves time. The entry streams to the
// file: no encoding of everything is held in memory.
func writeCache(file string, key [sha256.Size]byte, ds *Dataset) {
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".data-*.tmp")
	if err != nil {
		return
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	w := bufio.NewWriter(tmp)
	w.WriteString(cacheMagic)
	w.Write(key[:])
	t := ds.Corpus.Themes
	enc := encoder{w: w, fields: fields{}}
	err = enc.value(reflect.ValueOf(cacheEntry{Version: ds.Version, Themes: t.List, Sets: t.Sets, Variants: t.Variants,
		Docs: ds.Corpus.Docs, Mappings: ds.Mappings.Files}))
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil && cerr == nil {
		_ = os.Rename(tmp.Name(), file)
	}
}
