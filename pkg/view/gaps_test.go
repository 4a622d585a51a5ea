package view

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// gpesContext is a view context on the embedded data (shared by the gaps,
// principles, emphasis and stats tests).
func gpesContext(t *testing.T, f compare.Filter) Context {
	t.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return Context{Data: ds, Filter: f, Lang: "both"}
}

// gpesCheckTable checks the tidy-CSV rules: constant column count, no
// joined lists, and every cell of an ID column a resolvable, fully
// qualified clause ID (empty allowed where allowEmpty).
func gpesCheckTable(t *testing.T, c Context, tb *report.Table, idCols map[string]bool) {
	t.Helper()
	if tb == nil {
		t.Fatal("no table")
	}
	col := map[string]int{}
	for i, h := range tb.Columns {
		col[h.Header] = i
	}
	for name := range idCols {
		if _, ok := col[name]; !ok {
			t.Fatalf("no column %q in %v", name, tb.Columns)
		}
	}
	for r, row := range tb.Rows {
		if len(row) != len(tb.Columns) {
			t.Fatalf("row %d has %d cells, want %d", r, len(row), len(tb.Columns))
		}
		for i, cell := range row {
			s := cell.String()
			if (strings.Contains(s, "; ") || strings.Contains(s, " | ")) && !freeText(tb.Columns[i].Header) {
				t.Errorf("row %d column %s holds a list: %q", r, tb.Columns[i].Header, s)
			}
		}
		for name, allowEmpty := range idCols {
			s := row[col[name]].String()
			if s == "" && allowEmpty {
				continue
			}
			cl, err := c.Data.Corpus.Resolve(s)
			if err != nil || cl.QID() != s {
				t.Errorf("row %d column %s: %q is not a fully qualified clause ID (%v)", r, name, s, err)
			}
		}
	}
}

// freeText columns hold prose, where a semicolon is punctuation.
func freeText(header string) bool {
	for _, w := range []string{"summary", "note", "principle"} {
		if strings.Contains(header, w) {
			return true
		}
	}
	return false
}

func column(tb *report.Table, name string) int {
	for i, c := range tb.Columns {
		if c.Header == name {
			return i
		}
	}
	return -1
}

func TestGapsTableOneRowPerSilence(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	v := NewGaps(c, SideBoth, false)
	tb := v.Table(false)
	gpesCheckTable(t, c, tb, map[string]bool{"clause": false})

	want := map[string]int{}
	for _, g := range v.Silences {
		for _, s := range g.Clauses {
			want[SideGDC] += len(s.SilentIn)
		}
	}
	for _, g := range v.Unmapped {
		want[SideCN] += len(g.Clauses)
	}
	if want[SideGDC] == 0 || want[SideCN] == 0 {
		t.Fatalf("expected silences on both sides in the embedded data: %v", want)
	}
	got := map[string]int{}
	side, in, note := column(tb, "side"), column(tb, "silent_in"), column(tb, "notable_silence_note")
	docs := map[string]bool{}
	for _, d := range v.Documents {
		docs[d] = true
	}
	notes := 0
	for _, r := range tb.Rows {
		got[r[side].String()]++
		switch r[side].String() {
		case SideGDC:
			if !docs[r[in].String()] {
				t.Errorf("silent_in %q is not one compared document", r[in].String())
			}
			if r[note].String() != "" {
				notes++
			}
		case SideCN:
			if r[in].String() != "gdc" {
				t.Errorf("Chinese clause silent in %q, want gdc", r[in].String())
			}
		}
	}
	if got[SideGDC] != want[SideGDC] || got[SideCN] != want[SideCN] {
		t.Errorf("rows per side %v, want %v", got, want)
	}
	wantNotes := 0
	for _, g := range v.Silences {
		for _, s := range g.Clauses {
			wantNotes += len(s.Notes)
		}
	}
	if notes != wantNotes {
		t.Errorf("%d rows carry a note, want %d (one per notable silence)", notes, wantNotes)
	}
}

func TestGapsSides(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	gdc := NewGaps(c, SideGDC, false)
	if len(gdc.Unmapped) != 0 || len(gdc.Silences) == 0 {
		t.Errorf("--side gdc: %d unmapped groups, %d silence groups", len(gdc.Unmapped), len(gdc.Silences))
	}
	cn := NewGaps(c, SideCN, false)
	if len(cn.Silences) != 0 || len(cn.Unmapped) == 0 {
		t.Errorf("--side cn: %d silence groups, %d unmapped groups", len(cn.Silences), len(cn.Unmapped))
	}
	all := NewGaps(c, SideGDC, true)
	for _, g := range all.Silences {
		for _, s := range g.Clauses {
			if len(s.SilentIn) != len(all.Documents) {
				t.Errorf("--in-all kept %s, silent in only %v", s.Clause, s.SilentIn)
			}
		}
	}
	d := NewGaps(c, SideBoth, false).Doc()
	var headings int
	for _, b := range d.Blocks {
		if _, ok := b.(report.Heading); ok {
			headings++
		}
	}
	if headings != 2 {
		t.Errorf("both sides: %d headings, want 2", headings)
	}
}
