package view

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

func TestExportRoundTrips(t *testing.T) {
	c := anaContext(t)
	v := NewExport(c)
	if v.Doc() != nil || v.Table(false) != nil {
		t.Error("the export is JSON only")
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var back Export
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.SchemaVersion != "1" {
		t.Errorf("schema_version %q", back.SchemaVersion)
	}
	if len(back.Documents) != len(c.Data.Corpus.Docs) || len(back.Mappings) != len(c.Data.Mappings.Records()) {
		t.Fatalf("%d documents and %d mappings", len(back.Documents), len(back.Mappings))
	}
	for i, d := range back.Documents {
		if len(d.Clauses) != len(c.Data.Corpus.Docs[i].Clauses) {
			t.Errorf("%s: %d clauses, want %d", d.ID, len(d.Clauses), len(c.Data.Corpus.Docs[i].Clauses))
		}
		for _, cl := range d.Clauses {
			if got, err := c.Data.Corpus.Resolve(cl.ID); err != nil || got.QID() != cl.ID || cl.Themes == nil {
				t.Errorf("clause %q does not resolve to itself, or has null themes", cl.ID)
			}
		}
	}
	for _, m := range back.Mappings {
		if _, err := c.Data.Corpus.Resolve(m.Source); err != nil {
			t.Errorf("source %q: %v", m.Source, err)
		}
		if _, ok := c.Data.Corpus.Doc(m.Target); ok && m.Stance == "none" {
			continue // a none record names the document
		}
		if _, err := c.Data.Corpus.Resolve(m.Target); err != nil {
			t.Errorf("target %q: %v", m.Target, err)
		}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Fields may be added, never renamed or removed within a schema version.
	if got := strings.Join(keys, " "); got != "data_version documents mapping_files mappings qualifiers schema_version silences themes" {
		t.Errorf("top-level keys changed: %s", got)
	}
	if len(back.Themes) != len(c.Data.Corpus.Themes.List) || len(back.MappingFiles) != len(c.Data.Mappings.Files) || back.DataVersion != c.Data.Version {
		t.Errorf("themes, mapping files or data version missing")
	}
}
