// Package dataset loads the documents, the theme vocabulary and the mappings
// together, from the embedded data or from a --data directory.
package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
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
	for _, sub := range []string{"documents", "mappings"} {
		st, err := os.Stat(filepath.Join(dir, sub))
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--data %s must contain the folders documents/ and mappings/", dir)
		}
	}
	ds, probs := Load(DirFS(filepath.Join(dir, "documents")), DirFS(filepath.Join(dir, "mappings")), dir)
	return ds, probs.Err()
}

// Load checks and loads everything, returning every problem found. Mapping
// problems are only looked for once the documents load, since records are
// checked against them.
func Load(docs, maps fs.FS, origin string) (*Dataset, diag.List) {
	themes, probs := corpus.LoadThemes(maps, mapping.ThemesFile, "mappings/"+mapping.ThemesFile)
	if themes == nil {
		return nil, probs
	}
	c, ps := corpus.Load(docs, "documents", themes)
	probs = append(probs, ps...)
	if c == nil || len(probs) > 0 {
		return nil, probs.Sorted()
	}
	set, ps := mapping.Load(maps, "mappings", c)
	if len(ps) > 0 {
		return nil, ps
	}
	return &Dataset{Corpus: c, Mappings: set, Origin: origin, Version: fingerprint(docs, maps)}, nil
}

func fingerprint(fss ...fs.FS) string {
	h := sha256.New()
	for _, fsys := range fss {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			// Only data counts: documentation beside it does not change a report.
			if err != nil || d.IsDir() || (path.Ext(p) != ".yaml" && path.Ext(p) != ".txt") {
				return err
			}
			// Streamed through a small buffer: holding every file at once
			// would cost more (fresh memory) than reading them again.
			info, err := d.Info()
			if err != nil {
				return err
			}
			f, err := fsys.Open(p)
			if err != nil {
				return nil // refused or unreadable: Load has reported what matters
			}
			defer f.Close()
			fmt.Fprintf(h, "%s\x00%d\x00", p, info.Size())
			_, err = io.Copy(h, f)
			return err
		})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
