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
