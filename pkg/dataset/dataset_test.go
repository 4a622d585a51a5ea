package dataset

import "testing"

func TestEmbeddedLoads(t *testing.T) {
	for name, load := range map[string]func() (*Dataset, error){"snapshot": Embedded, "YAML": EmbeddedYAML} {
		ds, err := load()
		if err != nil {
			t.Fatalf("embedded data (%s) does not load:\n%v", name, err)
		}
		if len(ds.Corpus.Docs) != 5 {
			t.Errorf("%s: want 5 documents, got %d", name, len(ds.Corpus.Docs))
		}
	}
}

// BenchmarkEmbedded measures what every command pays at start-up: indexing
// the prepared snapshot.
func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		fromSnapshot()
	}
}

// BenchmarkEmbeddedYAML measures validate's path: parsing and checking all
// documents and mappings, verbatim checks included.
func BenchmarkEmbeddedYAML(b *testing.B) {
	for b.Loop() {
		if _, err := EmbeddedYAML(); err != nil {
			b.Fatal(err)
		}
	}
}
