package view

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// anaContext is a view context on the embedded data, for the docs, diff,
// lineage, terms, suggest and export tests.
func anaContext(t *testing.T) Context {
	t.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return Context{Data: ds, Lang: "both"}
}

// anaCheckCSV checks a long table: a constant column count and, in each
// named column, fully qualified clause IDs that resolve to themselves. It
// returns the index of every column by header.
func anaCheckCSV(t *testing.T, c Context, tb *report.Table, idCols ...string) map[string]int {
	t.Helper()
	if tb == nil {
		t.Fatal("no table")
	}
	col := map[string]int{}
	for i, h := range tb.Columns {
		col[h.Header] = i
	}
	for _, name := range idCols {
		if _, ok := col[name]; !ok {
			t.Fatalf("no column %q", name)
		}
	}
	for r, row := range tb.Rows {
		if len(row) != len(tb.Columns) {
			t.Fatalf("row %d has %d cells, want %d", r, len(row), len(tb.Columns))
		}
		for _, name := range idCols {
			s := row[col[name]].String()
			cl, err := c.Data.Corpus.Resolve(s)
			if err != nil || cl.QID() != s {
				t.Errorf("row %d column %s: %q is not a fully qualified clause ID (%v)", r, name, s, err)
			}
		}
	}
	return col
}

// anaMarks counts the segments of each mark in t.
func anaMarks(t report.Text) map[report.Mark]int {
	n := map[report.Mark]int{}
	for _, s := range t {
		if s.Text != "" {
			n[s.Mark]++
		}
	}
	return n
}
