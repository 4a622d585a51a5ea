package dataset

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/cleanup"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/translation"
)

// A --data folder is parsed and checked in full the first time; the checked
// result is then kept in the user's cache, with a record of every file and
// folder listing the loaders read (the SHA-256 of the very bytes parsed)
// and of the crosswalk binary, so later runs on the same bytes skip the
// YAML parser (at 100× the shipped corpus, about a second of every
// command). A cache file is trusted only after its own checksum, that
// record and the same reference checks as a parse all pass; anything else
// is a miss, which parses with file:line diagnostics and rewrites the file.
// Only data that loaded without problems is ever stored.

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
const cacheMagic = "crosswalk data cache 2\n"

// MaxCacheSize bounds what is read as a cache file (at 100× the shipped
// corpus one holds 45 MB).
const MaxCacheSize = 512 << 20

// A cache file is cacheMagic, the SHA-256 of the rest, the binary's SHA-256,
// the inputs ([]cacheInput, encoded), then the entry. The inputs come
// before the entry so a stale file is found without decoding the data.

// cacheInput is one file (or folder listing, named with a final /) the
// loaders read, and the SHA-256 of its bytes.
type cacheInput struct {
	Name string
	Sum  []byte
}

// cacheEntry is the checked data in the snapshot's shape (indexes are
// rebuilt on load).
type cacheEntry struct {
	Version  string
	Themes   []corpus.Theme
	Sets     []corpus.ThemeSet
	Variants []corpus.VariantGroup
	Docs     []*corpus.Document
	Mappings []*mapping.File
	// Qualifiers is the qualifier vocabulary.
	Qualifiers []mapping.QualifierType
}

func fromDirCached(dir, cacheDir string) (ds *Dataset, hit bool, err error) {
	if err := hasDataDirs(dir); err != nil {
		return nil, false, err
	}
	docs, maps := DirFSWithin(dir, filepath.Join(dir, "documents")), DirFSWithin(dir, filepath.Join(dir, "mappings"))
	trans := translationsFS(dir)
	exe := executableSum()
	if cacheDir == "" || exe == nil {
		ds, _, probs := loadReads(docs, maps, trans, dir)
		return ds, false, probs.Err()
	}
	file := cacheFile(cacheDir, dir)
	fss := map[string]fs.FS{"documents/": docs, "mappings/": maps, translation.Dir + "/": trans}
	if ds, ok := readCache(file, exe, fss, dir); ok {
		return ds, true, nil
	}
	ds, read, probs := loadReads(docs, maps, trans, dir)
	if len(probs) > 0 {
		return nil, false, probs.Err()
	}
	if !read.failed {
		writeCache(file, exe, read.inputs(), ds)
	}
	return ds, false, nil
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

// readCache returns the data in file if every check passes. Decoding
// damaged bytes must never end a run, so a panic anywhere in it is a miss.
func readCache(file string, exe []byte, fss map[string]fs.FS, dir string) (ds *Dataset, ok bool) {
	defer func() {
		if recover() != nil {
			ds, ok = nil, false
		}
	}()
	data, err := readCacheFile(file)
	if err != nil {
		return nil, false
	}
	body, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(body) < 2*sha256.Size {
		return nil, false
	}
	if sum := sha256.Sum256(body[sha256.Size:]); !bytes.Equal(sum[:], body[:sha256.Size]) {
		return nil, false
	}
	body = body[sha256.Size:]
	if !bytes.Equal(body[:sha256.Size], exe) {
		return nil, false
	}
	d := decoder{b: body[sha256.Size:], fields: fields{}}
	var inputs []cacheInput
	if d.value(reflect.ValueOf(&inputs).Elem()) != nil || !unchanged(inputs, fss) {
		return nil, false
	}
	var e cacheEntry
	if d.value(reflect.ValueOf(&e).Elem()) != nil || len(d.b) > 0 {
		return nil, false
	}
	ds = &Dataset{Corpus: corpus.New(e.Docs, e.Themes, e.Sets, e.Variants), Mappings: &mapping.Set{Files: e.Mappings, Qualifiers: e.Qualifiers},
		Origin: dir, Version: e.Version}
	if _, ok := ds.Corpus.Reference(); !ok || ds.Mappings.CheckRefs(ds.Corpus) != nil {
		return nil, false
	}
	return ds, true
}

// readCacheFile reads the cache with the --data guards: a regular file of
// at most MaxCacheSize bytes, else an error before anything is read.
func readCacheFile(file string) ([]byte, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > MaxCacheSize {
		return nil, errDamaged
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxCacheSize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxCacheSize {
		return nil, errDamaged
	}
	return buf.Bytes(), nil
}

// unchanged reports whether every input still has the bytes it was read
// with. The names come from a checked file but are still only looked up
// inside the two folders.
func unchanged(inputs []cacheInput, fss map[string]fs.FS) bool {
	if len(inputs) == 0 {
		return false
	}
	same := make([]bool, len(inputs))
	diag.Parallel(len(inputs), func(i int) {
		in := inputs[i]
		prefix, rel, _ := strings.Cut(in.Name, "/")
		fsys := fss[prefix+"/"]
		if fsys == nil {
			return
		}
		var sum [sha256.Size]byte
		if dirName, ok := strings.CutSuffix(rel, "/"); ok {
			entries, err := fs.ReadDir(fsys, dirName)
			if err != nil {
				return
			}
			sum = listingSum(entries)
		} else {
			data, err := fs.ReadFile(fsys, rel)
			if err != nil {
				return
			}
			sum = sha256.Sum256(data)
		}
		same[i] = bytes.Equal(sum[:], in.Sum)
	})
	return !slices.Contains(same, false)
}

// staleAge is how old a temporary cache file must be before another run
// removes it: one that young may still be being written.
const staleAge = time.Hour

// writeCache stores ds; a failure leaves no file behind and is not
// reported, since the cache only saves time. The entry streams to the
// file, hashed on the way, and the checksum is written last: no encoding
// of everything is held in memory.
func writeCache(file string, exe []byte, inputs []cacheInput, ds *Dataset) {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	removeStale(dir)
	tmp, err := os.CreateTemp(dir, ".data-*.tmp")
	if err != nil {
		return
	}
	defer cleanup.Track(tmp.Name())()
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	h := sha256.New()
	w := bufio.NewWriter(tmp)
	w.WriteString(cacheMagic)
	w.Write(make([]byte, sha256.Size)) // the checksum, once known
	hw := bufio.NewWriter(io.MultiWriter(w, h))
	hw.Write(exe)
	t := ds.Corpus.Themes
	enc := encoder{w: hw, fields: fields{}}
	err = enc.value(reflect.ValueOf(inputs))
	if err == nil {
		err = enc.value(reflect.ValueOf(cacheEntry{Version: ds.Version, Themes: t.List, Sets: t.Sets, Variants: t.Variants,
			Docs: ds.Corpus.Docs, Mappings: ds.Mappings.Files, Qualifiers: ds.Mappings.Qualifiers}))
	}
	if err == nil {
		err = errors.Join(hw.Flush(), w.Flush())
	}
	if err == nil {
		_, err = tmp.WriteAt(h.Sum(nil), int64(len(cacheMagic)))
	}
	if cerr := tmp.Close(); err == nil && cerr == nil {
		_ = os.Rename(tmp.Name(), file)
	}
}

// removeStale removes temporary cache files left by runs that were killed
// (a signal crosswalk cannot catch), once they are old enough.
func removeStale(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, ".data-*.tmp"))
	for _, name := range names {
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleAge {
			_ = os.Remove(name)
		}
	}
}
