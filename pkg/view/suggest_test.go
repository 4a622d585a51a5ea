package view

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// anaCurated is the first curated record with a target clause.
func anaCurated(t *testing.T, c Context) *mapping.Record {
	t.Helper()
	for _, r := range c.Data.Mappings.Records() {
		if r.Target != "" {
			return r
		}
	}
	t.Fatal("no curated pair")
	return nil
}

func TestSuggestLongCSVAndCuratedFlag(t *testing.T) {
	c := anaContext(t)
	r := anaCurated(t, c)
	cl, err := c.Data.Corpus.Resolve(r.SourceQID())
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewSuggest(c, cl, []string{r.TargetDoc}, 50)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range v.Suggestions {
		if want := c.Data.Mappings.Between(cl.QID(), s.Clause) != nil; s.Curated != want {
			t.Errorf("%s: curated %v, want %v", s.Clause, s.Curated, want)
		}
		found = found || s.Clause == r.TargetQID()
	}
	if !found {
		t.Skipf("%s is not among the top 50 suggestions for %s", r.TargetQID(), cl.QID())
	}
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb, "clause", "candidate")
	n := 0
	for _, s := range v.Suggestions {
		n += max(1, len(s.Matched))
	}
	if len(tb.Rows) != n {
		t.Fatalf("%d rows, want one per candidate and matched pair (%d)", len(tb.Rows), n)
	}
	for _, row := range tb.Rows {
		if m := row[col["matched"]].String(); strings.ContainsAny(m, " ;|") {
			t.Errorf("matched cell holds a list: %q", m)
		}
	}
}

func TestSuggestEvaluationPerDocument(t *testing.T) {
	c := anaContext(t)
	v, err := NewSuggestEvaluation(c, 5)
	if err != nil {
		t.Fatal(err)
	}
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb)
	if len(tb.Rows) == 0 || len(tb.Rows) != len(v.Evaluations) {
		t.Fatalf("%d rows for %d evaluations", len(tb.Rows), len(v.Evaluations))
	}
	for _, row := range tb.Rows {
		if _, ok := c.Data.Mappings.For(row[col["document"]].String()); !ok {
			t.Errorf("%q is not a mapped document", row[col["document"]].String())
		}
		if row[col["k"]].String() != "5" {
			t.Errorf("k = %q", row[col["k"]].String())
		}
	}
}
