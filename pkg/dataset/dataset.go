// Package dataset loads the documents, the theme vocabulary and the mappings
// together, from the embedded data or from a --data directory.
package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/translation"
)

// Dataset is everything crosswalk compares.
type Dataset struct {
	Corpus   *corpus.Corpus
	Mappings *mapping.Set
	Origin   string // "embedded" or the --data directory
	// Version identifies the exact data: the first 12 hex digits of a
	// SHA-256 over every data file, so a report names what it was built from.
	Version string
}

// EmbeddedYAML loads and checks the YAML compiled into the binary, with
// file:line diagnostics: what validate runs, and what the snapshot is
// generated from.
func EmbeddedYAML() (*Dataset, error) {
	ds, probs := Load(documents.FS, mappings.FS, "embedded")
	return ds, probs.Err()
}

// FromDir loads DIR/documents and DIR/mappings.
func FromDir(dir string) (*Dataset, error) {
	ds, _, err := fromDirCached(dir, "")
	return ds, err
}

func hasDataDirs(dir string) error {
	for _, sub := range []string{"documents", "mappings"} {
		st, err := os.Stat(filepath.Join(dir, sub))
		if err != nil || !st.IsDir() {
			return fmt.Errorf("--data %s must contain the folders documents/ and mappings/", dir)
		}
	}
	return nil
}

// Load checks and loads everything, returning every problem found. Mapping
// problems are only looked for once the documents load, since records are
// checked against them.
func Load(docs, maps fs.FS, origin string) (*Dataset, diag.List) {
	ds, _, probs := loadReads(docs, maps, nil, origin)
	return ds, probs
}

// loadReads is Load that also says what was read, for the cache, with the
// translation overlays in trans (nil for none) applied.
func loadReads(docs, maps, trans fs.FS, origin string) (*Dataset, *reads, diag.List) {
	prefixes, in := []string{"documents/", "mappings/"}, []fs.FS{docs, maps}
	if trans != nil {
		prefixes, in = append(prefixes, translation.Dir+"/"), append(in, trans)
	}
	fss, read := hashing(prefixes, in...)
	ds, probs := loadFrom(fss[0], fss[1], origin)
	if ds != nil && trans != nil {
		files, ps := translation.Load(fss[2], translation.Dir, ds.Corpus)
		if len(ps) > 0 {
			return nil, read, ps
		}
		ds.Corpus = translation.Apply(ds.Corpus, files)
	}
	if ds != nil {
		ds.Version = read.fingerprint()
	}
	return ds, read, probs
}

// optionalDir is a folder the data may lack (translations/): missing, it
// lists as empty, so its absence is recorded like any listing and a folder
// made later is noticed.
type optionalDir struct {
	fs.FS
	dir string
}

func (o optionalDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." {
		if _, err := os.Lstat(o.dir); errors.Is(err, fs.ErrNotExist) {
			return []fs.DirEntry{}, nil
		}
	}
	return fs.ReadDir(o.FS, name)
}

func (o optionalDir) ReadFile(name string) ([]byte, error) { return fs.ReadFile(o.FS, name) }

// translationsFS is the translations folder of a data folder, read with
// the same guards as the rest.
func translationsFS(dir string) fs.FS {
	sub := filepath.Join(dir, translation.Dir)
	return optionalDir{DirFSWithin(dir, sub), sub}
}

// UserTranslationsDir is the folder of translation overlays every command
// reads when no --data folder is given: $CROSSWALK_TRANSLATIONS if set
// ("off" for none), else crosswalk/translations under $XDG_DATA_HOME, else
// under ~/.local/share. "" means none.
func UserTranslationsDir() string {
	switch dir := os.Getenv("CROSSWALK_TRANSLATIONS"); dir {
	case "off":
		return ""
	case "":
	default:
		return dir
	}
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "crosswalk", translation.Dir)
}

// WithTranslations is the data with the overlays in dir (a translations
// folder; missing, there are none) applied. ds is not modified: the
// embedded data is shared.
func (ds *Dataset) WithTranslations(dir string) (*Dataset, error) {
	if dir == "" {
		return ds, nil
	}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return ds, nil
	}
	fss, read := hashing([]string{translation.Dir + "/"}, DirFS(dir))
	files, probs := translation.Load(fss[0], dir, ds.Corpus)
	if len(probs) > 0 {
		return nil, probs
	}
	if len(files) == 0 {
		return ds, nil
	}
	out := *ds
	out.Corpus = translation.Apply(ds.Corpus, files)
	out.Version = ds.Version + "+" + read.fingerprint()[:8]
	return &out, nil
}

func loadFrom(docs, maps fs.FS, origin string) (*Dataset, diag.List) {
	themes, probs := corpus.LoadThemes(maps, mapping.ThemesFile, "mappings/"+mapping.ThemesFile)
	if themes == nil {
		return nil, probs
	}
	c, ps := corpus.Load(docs, "documents", themes)
	probs = append(probs, ps...)
	if c == nil || len(probs) > 0 {
		return nil, probs.Sorted()
	}
	if _, ok := c.Reference(); !ok {
		return nil, diag.List{{File: "documents/" + corpus.ReferenceID + ".yaml", Msg: "missing: the Global Digital Compact (document id " +
			corpus.ReferenceID + ") is the reference every other document is compared with; copy it from the embedded data " +
			"(crosswalk's documents/ folder) into this folder"}}
	}
	set, ps := mapping.Load(maps, "mappings", c)
	if len(ps) > 0 {
		return nil, ps
	}
	return &Dataset{Corpus: c, Mappings: set, Origin: origin}, nil
}

// Warnings are what validate reports without failing: fields a curator has
// still to fill (TODO), documents no mapping file maps (their cells are not
// reviewed), and draft mapping files with how far they go.
func (ds *Dataset) Warnings() diag.List {
	var out diag.List
	for _, d := range ds.Corpus.Docs {
		out = append(out, d.ToDos...)
	}
	gdc, _ := ds.Corpus.Reference()
	total := 0
	for i := range gdc.Clauses {
		if gdc.Clauses[i].Mapped() {
			total++
		}
	}
	for _, f := range ds.Mappings.Files {
		out = append(out, f.ToDos...)
	}
	for _, d := range ds.Corpus.Counterparts() {
		f, ok := ds.Mappings.For(d.ID)
		switch {
		case !ok:
			out = append(out, diag.Problem{File: "mappings/" + d.ID + ".yaml", Msg: fmt.Sprintf(
				"no mapping file: %s is not reviewed against the GDC, and reports show it as not reviewed (start one with: crosswalk new mapping --target %s)", d.ID, d.ID)})
		case f.Status == mapping.StatusDraft:
			n := 0
			for i := range gdc.Clauses {
				if cl := &gdc.Clauses[i]; cl.Mapped() && f.Covers(cl.ID) {
					n++
				}
			}
			out = append(out, diag.Problem{File: f.Path, Line: 1, Field: "status", Msg: fmt.Sprintf(
				"draft: %d of %d mapped GDC clauses decided against %s (a record or a silence entry); the rest are shown as not reviewed", n, total, d.ID)})
		}
	}
	return out
}

// MappingsFromDir loads another mapping set for comparison with this data:
// DIR laid out for --data (its own documents and mappings), or a folder of
// mapping files alone, checked against this data's documents.
func (ds *Dataset) MappingsFromDir(dir string) (*Dataset, error) {
	if st, err := os.Stat(filepath.Join(dir, "documents")); err == nil && st.IsDir() {
		return FromDir(dir)
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder: give a --data style folder (documents/ and mappings/) or a folder of mapping files", dir)
	}
	fss, read := hashing([]string{"mappings/"}, DirFS(dir))
	maps := fss[0]
	names, err := corpus.YAMLFiles(maps)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(dir, err)}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s has no mapping files (*.yaml) and no documents/ folder", dir)
	}
	set, probs := mapping.Load(maps, dir, ds.Corpus)
	if len(probs) > 0 {
		return nil, probs
	}
	return &Dataset{Corpus: ds.Corpus, Mappings: set, Origin: dir, Version: read.fingerprint()}, nil
}
