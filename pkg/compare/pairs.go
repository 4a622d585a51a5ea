package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// PairGroup is everything recorded for one clause: its records with their
// clauses and, when the filter asks for silences, the silent documents.
type PairGroup struct {
	Clause   *corpus.Clause // a GDC clause, or a Chinese one with ByTarget
	Pairs    []Pair
	Silences []*mapping.Silence // reviewed silences (GDC grouping only)
}

// Pairs lists every record that passes the filter, grouped by GDC clause in
// document order (byTarget: by Chinese clause, documents by date), each
// group's records by document date. Stances select records; "silent" also
// selects reviewed silences and none records, so an analyst can ask what a
// text leaves out.
func Pairs(c *corpus.Corpus, m *mapping.Set, f Filter, byTarget bool) []PairGroup {
	gdc, ok := c.Reference()
	if !ok {
		return nil
	}
	wantStance := func(s string) bool {
		if s == mapping.None {
			s = Silent
		}
		return len(f.Stances) == 0 || in(f.Stances, s)
	}
	groups := map[*corpus.Clause]*PairGroup{}
	add := func(cl *corpus.Clause) *PairGroup {
		g, ok := groups[cl]
		if !ok {
			g = &PairGroup{Clause: cl}
			groups[cl] = g
		}
		return g
	}
	docs := f.docs(c)
	for _, d := range docs {
		file, ok := m.For(d.ID)
		if !ok {
			continue
		}
		for i := range file.Records {
			r := &file.Records[i]
			src, ok := gdc.Clause(r.Source)
			if !ok || !wantStance(r.Stance) || !f.target(r) || !f.clauseNoTheme(src) {
				continue
			}
			p := Pair{Record: r, Source: src}
			if r.Target != "" {
				p.Target, _ = d.Clause(r.Target)
			}
			if !f.themeOf(r, src, p.Target) {
				continue
			}
			key := src
			if byTarget {
				if p.Target == nil {
					continue // a none record belongs to no Chinese clause
				}
				key = p.Target
			}
			g := add(key)
			g.Pairs = append(g.Pairs, p)
		}
		// A silence has no Chinese clause for a target filter to select.
		if byTarget || !wantStance(Silent) || len(f.Stances) == 0 || len(f.Targets) > 0 {
			continue
		}
		for i := range file.Silences {
			si := &file.Silences[i]
			for _, id := range si.Sources {
				if src, ok := gdc.Clause(id); ok && f.clause(src) {
					g := add(src)
					g.Silences = append(g.Silences, si)
				}
			}
		}
	}
	var out []PairGroup
	order := func(cl *corpus.Clause) { // document order, GDC first
		if g, ok := groups[cl]; ok {
			out = append(out, *g)
		}
	}
	if byTarget {
		for _, d := range docs {
			for i := range d.Clauses {
				order(&d.Clauses[i])
			}
		}
		return out
	}
	for i := range gdc.Clauses {
		order(&gdc.Clauses[i])
	}
	return out
}
