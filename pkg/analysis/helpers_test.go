package analysis_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

func embedded(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return ds.Corpus
}

func clause(tb testing.TB, c *corpus.Corpus, qid string) *corpus.Clause {
	tb.Helper()
	cl, err := c.Resolve(qid)
	if err != nil {
		tb.Fatal(err)
	}
	return cl
}

// doc builds a document outside the loader, for small hand-made inputs.
func doc(id, date string, texts ...string) *corpus.Document {
	d := &corpus.Document{ID: id, Date: date}
	for i, t := range texts {
		d.Clauses = append(d.Clauses, corpus.Clause{ID: string(rune('1' + i)), Text: t})
	}
	for i := range d.Clauses {
		d.Clauses[i].Doc = d
	}
	return d
}
