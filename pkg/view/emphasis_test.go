package view

import (
	"strconv"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
)

func TestEmphasisTop(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	themes := len(c.Data.Corpus.Themes.List)
	for _, top := range []int{1, 3, themes + 5} {
		v := NewEmphasis(c, compare.ByChars, top)
		if len(v.Leading) != len(v.Documents) {
			t.Fatalf("top %d: %d leading lists for %d documents", top, len(v.Leading), len(v.Documents))
		}
		for j, lead := range v.Leading {
			present := 0
			for _, r := range v.Rows {
				if r.Shares[j].CharShare > 0 {
					present++
				}
			}
			if want := min(top, present); len(lead) != want {
				t.Errorf("top %d, %s: %d themes, want %d", top, v.Documents[j], len(lead), want)
			}
			for k := 1; k < len(lead); k++ {
				if lead[k].Share > lead[k-1].Share {
					t.Errorf("top %d, %s: not ranked: %v", top, v.Documents[j], lead)
				}
			}
		}
		_ = v.Doc()
	}
}

func TestEmphasisLeadingNeverPanics(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	e := compare.ComputeEmphasis(c.Data.Corpus, c.Filter)
	for _, top := range []int{-3, 0} {
		if got := e.Leading(0, top, compare.ByClauses); len(got) != 0 {
			t.Errorf("top %d: %v, want none", top, got)
		}
	}
	if got := e.Leading(len(e.Docs), 3, compare.ByChars); len(got) != 0 {
		t.Errorf("document out of range: %v", got)
	}
}

func TestEmphasisTables(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	v := NewEmphasis(c, compare.ByClauses, 8)
	long := v.Table(false)
	gpesCheckTable(t, c, long, nil)
	if want := len(v.Rows) * len(v.Documents); len(long.Rows) != want {
		t.Fatalf("long CSV: %d rows, want %d (themes × documents)", len(long.Rows), want)
	}
	// The clauses of each document add up to its total.
	doc, n := column(long, "document"), column(long, "clauses")
	sum := map[string]int{}
	for _, r := range long.Rows {
		k, err := strconv.Atoi(r[n].String())
		if err != nil {
			t.Fatal(err)
		}
		sum[r[doc].String()] += k
	}
	for j, id := range v.Documents {
		if sum[id] != v.Totals[j].Clauses {
			t.Errorf("%s: CSV clauses add up to %d, total %d", id, sum[id], v.Totals[j].Clauses)
		}
	}
	wide := v.Table(true)
	gpesCheckTable(t, c, wide, nil)
	if len(wide.Rows) != len(v.Rows) || len(wide.Columns) != 2+4*len(v.Documents) {
		t.Errorf("wide CSV: %d rows × %d columns", len(wide.Rows), len(wide.Columns))
	}
}
