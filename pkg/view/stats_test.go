package view

import (
	"strconv"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
)

func TestStatsTableMatchesView(t *testing.T) {
	c := gpesContext(t, compare.Filter{})
	v := NewStats(c)
	tb := v.Table(false)
	gpesCheckTable(t, c, tb, nil)
	if want := len(v.PerDocument) * (1 + len(v.PerSection)); len(tb.Rows) != want {
		t.Fatalf("%d rows, want %d", len(tb.Rows), want)
	}
	sec, doc, aligned := column(tb, "section"), column(tb, "document"), column(tb, "aligned")
	per := map[string]int{}
	for _, r := range tb.Rows {
		n, err := strconv.Atoi(r[aligned].String())
		if err != nil {
			t.Fatal(err)
		}
		if r[sec].String() != "all" {
			per[r[doc].String()] += n
		}
	}
	for _, cnt := range v.PerDocument {
		if cnt.Aligned+cnt.Partial+cnt.Divergent+cnt.Silent != cnt.Scope {
			t.Errorf("%s: stances do not add up to the scope: %+v", cnt.Document, cnt)
		}
		if per[cnt.Document] != cnt.Aligned {
			t.Errorf("%s: sections add up to %d aligned, overall %d", cnt.Document, per[cnt.Document], cnt.Aligned)
		}
	}
}
