package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

func load(t *testing.T) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func clause(t *testing.T, ds *dataset.Dataset, id string) *corpus.Clause {
	t.Helper()
	cl, err := ds.Corpus.Resolve(id)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func TestPairStance(t *testing.T) {
	r := func(s string) *mapping.Record { return &mapping.Record{Stance: s} }
	cases := []struct {
		recs []*mapping.Record
		want string
	}{
		{nil, Silent},
		{[]*mapping.Record{r("none")}, Silent},
		{[]*mapping.Record{r("aligned")}, "aligned"},
		{[]*mapping.Record{r("aligned"), r("partial")}, "partial"},
		{[]*mapping.Record{r("partial"), r("divergent"), r("aligned")}, "divergent"},
	}
	for _, c := range cases {
		if got := PairStance(c.recs); got != c.want {
			t.Errorf("PairStance(%d records) = %s, want %s", len(c.recs), got, c.want)
		}
	}
}

func TestObjectiveAndSection(t *testing.T) {
	ds := load(t)
	cases := []struct {
		id        string
		objective int
		section   string
	}{
		{"29(d)", 3, "Objective 3"},
		{"7(3)", 3, "Objective 3"},
		{"11(a)", 1, "Objective 1"},
		{"56(b)", 5, "Objective 5"},
		{"8(a)", 0, "Principles"},
		{"1", 0, "Preamble"},
		{"7", 0, "Preamble"},
		{"70", 0, "Follow-up and review"},
		{"cn-position-2024:2.4.3", 0, "Commitments (general)"},
	}
	for _, c := range cases {
		cl := clause(t, ds, c.id)
		if got := Objective(cl); got != c.objective {
			t.Errorf("Objective(%s) = %d, want %d", c.id, got, c.objective)
		}
		if cl.Doc.ID == corpus.ReferenceID {
			if got := Section(cl); got != c.section {
				t.Errorf("Section(%s) = %q, want %q", c.id, got, c.section)
			}
		}
	}
}

func TestMatrixFilters(t *testing.T) {
	ds := load(t)
	all := BuildMatrix(ds.Corpus, ds.Mappings, Filter{})
	if len(all.Docs) != 4 || all.Docs[0].ID != "cn-speech-2014" || all.Docs[3].ID != "cn-position-2024" {
		t.Fatalf("columns must be the four texts oldest first, got %v", all.Docs)
	}
	if len(all.Rows) != 152 {
		t.Errorf("want one row per mapped GDC clause (152), got %d", len(all.Rows))
	}
	for _, row := range BuildMatrix(ds.Corpus, ds.Mappings, Filter{Objective: 3}).Rows {
		if Objective(row.Clause) != 3 {
			t.Errorf("objective filter let %s through", row.Clause.QID())
		}
	}
	div := BuildMatrix(ds.Corpus, ds.Mappings, Filter{Against: []string{"cn-position-2024"}, Stances: []string{"divergent"}})
	if len(div.Docs) != 1 || len(div.Rows) == 0 {
		t.Fatalf("against/stance filter: %d docs, %d rows", len(div.Docs), len(div.Rows))
	}
	found27 := false
	for _, row := range div.Rows {
		if row.Cells[0].Stance != "divergent" {
			t.Errorf("%s kept without a divergent cell", row.Clause.QID())
		}
		found27 = found27 || row.Clause.ID == "27"
	}
	if !found27 {
		t.Error("gdc:27 (multistakeholder vs UN-led governance) should be divergent against the 2024 paper")
	}
}

func TestDivergences(t *testing.T) {
	ds := load(t)
	want := 0
	for _, r := range ds.Mappings.Records() {
		if r.Stance == mapping.Divergent {
			want++
		}
	}
	groups := Divergences(ds.Corpus, ds.Mappings, Filter{})
	got, last := 0, -1
	for _, g := range groups {
		if o := ds.Corpus.Themes.Order(g.Theme.Key); o <= last {
			t.Errorf("theme %s out of vocabulary order", g.Theme.Key)
		} else {
			last = o
		}
		for _, p := range g.Pairs {
			got++
			// One heading per GDC clause: its main theme.
			if p.Record.Stance != mapping.Divergent || p.Source.Themes[0] != g.Theme.Key || p.Target == nil {
				t.Errorf("bad pair %s in group %s", p.Record.SourceQID(), g.Theme.Key)
			}
		}
	}
	if got != want || want == 0 {
		t.Errorf("got %d divergent pairs, want %d", got, want)
	}
	// --theme matches the record's theme, its GDC clause's themes or its
	// counterpart's: the 54 divergence is filed under multistakeholder, its
	// clause is about AI.
	for _, th := range []string{"multistakeholder", "ai-governance"} {
		found := false
		for _, g := range Divergences(ds.Corpus, ds.Mappings, Filter{Themes: []string{th}}) {
			for _, p := range g.Pairs {
				found = found || p.Source.ID == "54"
				if p.Record.Theme != th && !slices.Contains(p.Source.Themes, th) && !slices.Contains(p.Target.Themes, th) {
					t.Errorf("--theme %s let %s (record theme %s) through", th, p.Record.SourceQID(), p.Record.Theme)
				}
			}
		}
		if !found {
			t.Errorf("--theme %s misses the gdc:54 divergence", th)
		}
	}
}

func TestGapsBothWays(t *testing.T) {
	ds := load(t)
	g := FindGaps(ds.Corpus, ds.Mappings, Filter{}, GapOptions{GDCSide: true, CNSide: true})
	mapped := map[string]bool{}
	for _, r := range ds.Mappings.Records() {
		if r.Target != "" {
			mapped[r.TargetQID()] = true
		}
	}
	for _, grp := range g.Unmapped {
		for _, cl := range grp.Clauses {
			if mapped[cl.QID()] {
				t.Errorf("%s is mapped but listed as a gap", cl.QID())
			}
			if cl.Kind == "salutation" || cl.Kind == "signature" {
				t.Errorf("%s (%s) carries no position and should be left out", cl.QID(), cl.Kind)
			}
		}
	}
	ix := newIndex(ds.Mappings)
	for _, grp := range g.Silences {
		for _, s := range grp.Rows {
			if s.Clause.Kind == "chapeau" {
				t.Errorf("chapeau %s listed as a gap", s.Clause.QID())
			}
			for _, d := range s.SilentIn {
				if PairStance(ix.of(d.ID, s.Clause.ID)) != Silent {
					t.Errorf("%s has a counterpart in %s", s.Clause.QID(), d.ID)
				}
			}
		}
	}
	inAll := FindGaps(ds.Corpus, ds.Mappings, Filter{}, GapOptions{GDCSide: true, InAll: true})
	n := 0
	for _, grp := range inAll.Silences {
		for _, s := range grp.Rows {
			n++
			if !s.InAll(inAll) {
				t.Errorf("--in-all kept %s", s.Clause.QID())
			}
		}
	}
	if n == 0 {
		t.Error("some GDC clauses (e.g. on follow-up) are silent everywhere")
	}
}

func TestStats(t *testing.T) {
	if got, ok := (Counts{Scope: 4, Aligned: 1, Partial: 2}).Score(); got != 50 || !ok {
		t.Errorf("score = %v, want 50", got)
	}
	if got, ok := (Counts{NotReviewed: 3}).Score(); ok {
		t.Errorf("nothing reviewed has no score, got %v", got)
	}
	ds := load(t)
	st := ComputeStats(ds.Corpus, ds.Mappings, Filter{})
	for j, c := range st.PerDoc {
		if c.Aligned+c.Partial+c.Divergent+c.Silent != c.Scope || c.Scope != 152 {
			t.Errorf("%s: counts %+v do not add up to 152 clauses in scope", st.Docs[j].ID, c)
		}
		sum := 0
		for _, s := range st.Sections {
			sum += s.PerDoc[j].Scope
		}
		if sum != c.Scope {
			t.Errorf("%s: sections cover %d clauses, want %d", st.Docs[j].ID, sum, c.Scope)
		}
	}
}

func TestEmphasisSharesAddUp(t *testing.T) {
	ds := load(t)
	e := ComputeEmphasis(ds.Corpus, Filter{})
	if e.Docs[0].ID != "gdc" || len(e.Docs) != 5 {
		t.Fatalf("emphasis covers the GDC and the four texts, got %d docs", len(e.Docs))
	}
	for j, d := range e.Docs {
		var clauses, chars float64
		for _, row := range e.Rows {
			clauses += row.Cells[j].ClauseShare
			chars += row.Cells[j].CharShare
		}
		if math.Abs(clauses-100) > 1e-6 || math.Abs(chars-100) > 1e-6 {
			t.Errorf("%s: shares add to %.3f%% of clauses and %.3f%% of characters", d.ID, clauses, chars)
		}
	}
	if HanCount("AI治理, 數字") != 4 {
		t.Error("HanCount counts Chinese characters only")
	}
}

func TestPrinciples(t *testing.T) {
	ds := load(t)
	mats := Principles(ds.Corpus, ds.Mappings, Filter{Against: []string{"cn-position-2024"}})
	if len(mats) != 1 || len(mats[0].Rows) != 13 {
		t.Fatalf("want one matrix of 13 GDC principles, got %d", len(mats))
	}
	for _, row := range mats[0].Rows {
		if row.Principle.ID == "8(k)" && row.Cells[3].Stance != "divergent" {
			t.Errorf("8(k) multistakeholder cooperation vs the paper's effective-governance principle: %s", row.Cells[3].Stance)
		}
		for i, c := range row.Cells {
			for _, l := range c.Links {
				if !in(mats[0].Doc.Principles[i].Clauses, l.Other.ID) {
					t.Errorf("%s placed under the wrong principle", l.Other.QID())
				}
			}
		}
	}
}
