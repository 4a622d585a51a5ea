package view

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

func TestPrinciplesTable(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	v := NewPrinciples(c)
	if len(v.Matrices) == 0 {
		t.Fatal("no principle matrices on the embedded data")
	}
	tb := v.Table(false)
	gpesCheckTable(t, c, tb, map[string]bool{"gdc_clause": false, "counterpart": true})

	// Every counterpart of the view, in a principle or elsewhere, is one row.
	type key struct{ doc, col, cp string }
	want := map[key]int{}
	elsewhere := 0
	for _, m := range v.Matrices {
		for _, r := range m.Rows {
			for _, cell := range r.Cells {
				for _, cp := range cell.Counterparts {
					want[key{m.Document, cell.Principle, cp.Clause}]++
				}
			}
			for _, cp := range r.Elsewhere {
				want[key{m.Document, "elsewhere", cp.Clause}]++
				elsewhere++
			}
		}
	}
	if elsewhere == 0 {
		t.Fatal("expected counterparts outside the texts' principles in the embedded data")
	}
	doc, pid, cp, st := column(tb, "document"), column(tb, "principle_id"), column(tb, "counterpart"), column(tb, "stance")
	got := map[key]int{}
	for _, r := range tb.Rows {
		if r[cp].String() == "" {
			if r[st].String() != compare.Silent {
				t.Errorf("row without counterpart has stance %q", r[st].String())
			}
			continue
		}
		got[key{r[doc].String(), r[pid].String(), r[cp].String()}]++
	}
	if len(got) != len(want) {
		t.Errorf("%d distinct counterparts in the CSV, want %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%v: %d rows, want %d", k, got[k], n)
		}
	}
}

func TestPrinciplesDocUsesGlyphs(t *testing.T) {
	v := NewPrinciples(gpesContext(t, compare.Filter{}))
	glyphs := 0
	for _, b := range v.Doc().Blocks {
		tb, ok := b.(*report.Table)
		if !ok {
			continue
		}
		for _, r := range tb.Rows {
			for _, cell := range r[1:] {
				for _, s := range cell {
					if s.Glyph != report.GlyphNone {
						glyphs++
					}
					for _, lit := range []string{"✓", "◐", "✗", "·"} {
						if s.Glyph == report.GlyphNone && len(s.Text) > 0 && strings.Contains(s.Text, lit) {
							t.Errorf("literal stance symbol in %q", s.Text)
						}
					}
				}
			}
		}
	}
	if glyphs == 0 {
		t.Error("no stance glyphs in the matrices")
	}
}
