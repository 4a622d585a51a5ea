package synth_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/synth"
)

// Three copies load cleanly (every clause and quote still verbatim), have
// distinct texts, and still share runs with the original.
func TestThreeCopiesLoadAndDiffer(t *testing.T) {
	ds, err := synth.Load(3)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ds.Corpus.Docs); got != 15 {
		t.Fatalf("want 15 documents, got %d", got)
	}
	orig, _ := ds.Corpus.Doc("cn-whitepaper-2022")
	cp, ok := ds.Corpus.Doc("cn-whitepaper-2022-s3")
	if !ok || len(cp.Clauses) != len(orig.Clauses) {
		t.Fatal("copy 3 of the white paper is missing or has other clauses")
	}
	same := 0
	for i := range cp.Clauses {
		if cp.Clauses[i].Text == orig.Clauses[i].Text {
			same++
		}
	}
	if same > len(cp.Clauses)/10 {
		t.Errorf("%d of %d clauses are unchanged in the copy", same, len(cp.Clauses))
	}
	shared := 0
	for _, p := range analysis.Lineage(ds.Corpus.Docs, 0) {
		if p.A.Doc == orig && p.B.Doc == cp || p.A.Doc == cp && p.B.Doc == orig {
			shared++
		}
	}
	if shared == 0 {
		t.Error("the copy shares no run with the original")
	}
}
