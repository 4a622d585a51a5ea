package compare

import (
	"sort"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Pair is one record with both of its clauses.
type Pair struct {
	Record *mapping.Record
	Source *corpus.Clause
	Target *corpus.Clause // nil for a none record
}

// ThemeGroup is the pairs of one theme.
type ThemeGroup struct {
	Theme corpus.Theme
	Pairs []Pair
}

// Divergences returns every divergent record that passes the filter,
// grouped by the main (first) theme of its GDC clause, so all the records of
// one GDC clause stand under one heading, in vocabulary order; within a
// theme, by GDC
// clause order and then by document date.
func Divergences(c *corpus.Corpus, m *mapping.Set, f Filter) []ThemeGroup {
	return groupRecords(c, m, f, func(r *mapping.Record) bool { return r.Stance == mapping.Divergent })
}

func groupRecords(c *corpus.Corpus, m *mapping.Set, f Filter, keep func(*mapping.Record) bool) []ThemeGroup {
	gdc, ok := c.Reference()
	if !ok {
		return nil
	}
	byTheme := map[string][]Pair{}
	docs := f.docs(c)
	for _, d := range docs {
		file, ok := m.For(d.ID)
		if !ok {
			continue
		}
		for i := range file.Records {
			r := &file.Records[i]
			if !keep(r) || !f.target(r) {
				continue
			}
			src, _ := gdc.Clause(r.Source)
			p := Pair{Record: r, Source: src}
			if r.Target != "" {
				p.Target, _ = d.Clause(r.Target)
			}
			if !f.clauseNoTheme(src) || !f.themeOf(r, src, p.Target) {
				continue
			}
			key := r.Theme
			if len(src.Themes) > 0 {
				key = src.Themes[0]
			}
			byTheme[key] = append(byTheme[key], p)
		}
	}
	docOrder := map[string]int{}
	for i, d := range docs {
		docOrder[d.ID] = i
	}
	var out []ThemeGroup
	for key, pairs := range byTheme {
		sort.SliceStable(pairs, func(i, j int) bool {
			a, b := pairs[i], pairs[j]
			if pa, pb := gdc.Position(a.Source.ID), gdc.Position(b.Source.ID); pa != pb {
				return pa < pb
			}
			return docOrder[a.Record.TargetDoc] < docOrder[b.Record.TargetDoc]
		})
		th := themeOf(c, key)
		out = append(out, ThemeGroup{Theme: th, Pairs: pairs})
	}
	sort.Slice(out, func(i, j int) bool { return c.Themes.Order(out[i].Theme.Key) < c.Themes.Order(out[j].Theme.Key) })
	return out
}

// themeOf applies the theme filter to a record: it matches when the record's
// theme, one of its GDC clause's themes or one of its counterpart's themes
// is asked for, so a divergence filed under multistakeholder still shows
// under --theme internet-governance when its GDC clause is about internet
// governance, and 23(a)→position 2.6.2 (rule of law) under --theme
// ai-governance, since 2.6.2 is the paper's AI clause.
func (f Filter) themeOf(r *mapping.Record, src, tgt *corpus.Clause) bool {
	return len(f.Themes) == 0 || in(f.Themes, r.Theme) || overlaps(f.Themes, src.Themes) || (tgt != nil && overlaps(f.Themes, tgt.Themes))
}

// clauseNoTheme applies the objective and kind filters only: records apply
// the theme filter through themeOf.
func (f Filter) clauseNoTheme(cl *corpus.Clause) bool {
	g := f
	g.Themes = nil
	return g.clause(cl)
}
