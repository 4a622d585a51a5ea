package view

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
)

func TestLineageCSVOneRowPerRun(t *testing.T) {
	c := anaContext(t)
	v := NewLineage(c, c.Data.Corpus.Docs, analysis.DefaultMinRun)
	if len(v.Pairs) == 0 {
		t.Fatal("the data has reused formulations")
	}
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb, "a", "b")
	runs := 0
	for _, p := range v.Pairs {
		runs += len(p.Runs)
	}
	if len(tb.Rows) != runs {
		t.Fatalf("%d rows for %d runs", len(tb.Rows), runs)
	}
	for i, r := range tb.Rows {
		run := r[col["run"]].String()
		if len([]rune(run)) < v.MinRun || strings.Contains(run, " | ") {
			t.Errorf("row %d: run %q is not one run of at least %d characters", i, run, v.MinRun)
		}
		a, _ := c.Data.Corpus.Resolve(r[col["a"]].String())
		b, _ := c.Data.Corpus.Resolve(r[col["b"]].String())
		if a.Doc == b.Doc || !strings.Contains(a.Text, run) || !strings.Contains(b.Text, r[col["run_b"]].String()) {
			t.Errorf("row %d: %s and %s do not hold the run as written", i, a.QID(), b.QID())
		}
	}
}

func TestLineageRestrictsDocuments(t *testing.T) {
	c := anaContext(t)
	docs := c.Data.Corpus.Counterparts()[:2]
	v := NewLineage(c, docs, analysis.DefaultMinRun)
	for _, p := range v.Pairs {
		for _, id := range []string{p.A, p.B} {
			if !strings.HasPrefix(id, docs[0].ID+":") && !strings.HasPrefix(id, docs[1].ID+":") {
				t.Errorf("pair member %s is outside %s and %s", id, docs[0].ID, docs[1].ID)
			}
		}
	}
	if d := NewLineage(c, docs[:1], analysis.DefaultMinRun); len(d.Pairs) != 0 || d.Doc() == nil || d.Pairs == nil {
		t.Error("one document has no pairs, and the view says so")
	}
}
