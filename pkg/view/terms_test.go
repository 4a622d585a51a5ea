package view

import (
	"testing"
)

// anaTopTerms are the most distinctive bigram of each of the first two
// documents: terms known to occur.
func anaTopTerms(t *testing.T, c Context) []string {
	t.Helper()
	d := NewDistinctive(c, 1)
	var terms []string
	for _, dt := range d.Documents[:2] {
		if len(dt.Terms) != 1 {
			t.Fatalf("%s: %d distinctive terms for top 1", dt.Document, len(dt.Terms))
		}
		terms = append(terms, dt.Terms[0].Term)
	}
	return terms
}

func TestTermsCountsMatchKWIC(t *testing.T) {
	c := anaContext(t)
	terms := anaTopTerms(t, c)
	v := NewTerms(c, terms, nil, true, true, 4)
	if len(v.Counts) != len(terms)*len(c.Data.Corpus.Docs) {
		t.Fatalf("%d counts for %d terms × %d documents", len(v.Counts), len(terms), len(c.Data.Corpus.Docs))
	}
	total := map[string]int{}
	for _, tc := range v.Counts {
		total[tc.Term] += tc.Count
	}
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb, "clause")
	perTerm := map[string]int{}
	for _, r := range tb.Rows {
		perTerm[r[col["term"]].String()]++
		if r[col["match"]].String() == "" {
			t.Error("an occurrence without its match")
		}
	}
	for _, term := range terms {
		if total[term] == 0 || perTerm[term] != total[term] {
			t.Errorf("%s: counted %d, listed %d in context", term, total[term], perTerm[term])
		}
	}
}

func TestTermsCountsCSVWithoutKWIC(t *testing.T) {
	c := anaContext(t)
	terms := anaTopTerms(t, c)
	v := NewTerms(c, terms, nil, true, false, 8)
	if v.KWIC != nil {
		t.Error("no occurrences without kwic")
	}
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb)
	if len(tb.Rows) != len(v.Counts) {
		t.Fatalf("%d rows for %d counts", len(tb.Rows), len(v.Counts))
	}
	for _, r := range tb.Rows {
		if _, ok := c.Data.Corpus.Doc(r[col["document"]].String()); !ok {
			t.Errorf("unknown document %q", r[col["document"]].String())
		}
	}
	if len(v.Doc().Blocks) != 1 {
		t.Error("without kwic the doc is the count table only")
	}
}

func TestDistinctiveTopK(t *testing.T) {
	c := anaContext(t)
	const k = 3
	v := NewDistinctive(c, k)
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb)
	n := 0
	for _, dt := range v.Documents {
		if len(dt.Terms) > k {
			t.Errorf("%s: %d terms for top %d", dt.Document, len(dt.Terms), k)
		}
		for i := 1; i < len(dt.Terms); i++ {
			if dt.Terms[i].G2 > dt.Terms[i-1].G2 {
				t.Errorf("%s: terms not ranked by G2", dt.Document)
			}
		}
		n += len(dt.Terms)
	}
	if len(tb.Rows) != n {
		t.Fatalf("%d rows for %d terms", len(tb.Rows), n)
	}
	if tb.Rows[0][col["rank"]].String() != "1" {
		t.Error("ranks start at 1")
	}
}
