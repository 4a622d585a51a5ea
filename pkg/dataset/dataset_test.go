package dataset

import "testing"

func TestEmbeddedLoads(t *testing.T) {
	ds, err := Embedded()
	if err != nil {
		t.Fatalf("embedded data does not load:\n%v", err)
	}
	if len(ds.Corpus.Docs) != 5 {
		t.Errorf("want 5 documents, got %d", len(ds.Corpus.Docs))
	}
}

// BenchmarkEmbedded measures start-up: parsing and checking all documents and
// mappings (verbatim checks included), which every command pays once.
func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}
