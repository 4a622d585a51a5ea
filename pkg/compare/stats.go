package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Counts tallies the GDC clauses in scope by pair stance.
// Clauses nobody has reviewed against the document are out of scope:
// counted as not reviewed, never as silent.
type Counts struct {
	Scope       int `json:"clauses_in_scope"`
	Aligned     int `json:"aligned"`
	Partial     int `json:"partial"`
	Divergent   int `json:"divergent"`
	Silent      int `json:"silent"`
	Records     int `json:"records"`
	NotReviewed int `json:"not_reviewed"`
}

// Score is the alignment score: (aligned + ½·partial) / clauses in scope,
// as a percentage. Divergent and silent clauses add nothing. With no
// clause in scope (nothing reviewed) there is no score: ok is false.
func (c Counts) Score() (score float64, ok bool) {
	if c.Scope == 0 {
		return 0, false
	}
	return 100 * (float64(c.Aligned) + 0.5*float64(c.Partial)) / float64(c.Scope), true
}

func (c *Counts) add(stance string, records int) {
	if stance == NotReviewed {
		c.NotReviewed++
		return
	}
	c.Scope++
	c.Records += records
	switch stance {
	case mapping.Aligned:
		c.Aligned++
	case mapping.Partial:
		c.Partial++
	case mapping.Divergent:
		c.Divergent++
	default:
		c.Silent++
	}
}

// Stats is coverage per document and per part of the GDC.
type Stats struct {
	Docs     []*corpus.Document
	PerDoc   []Counts       // one per Docs
	Sections []SectionStats // GDC parts in document order
}

// SectionStats is one part of the GDC (an objective, the principles …).
type SectionStats struct {
	Section string
	PerDoc  []Counts
}

// Section names the part of the GDC a clause belongs to, for per-objective
// statistics: "Objective 1".."Objective 5", or the part's English name.
func Section(cl *corpus.Clause) string {
	if n := Objective(cl); n > 0 {
		return "Objective " + string(rune('0'+n))
	}
	if len(cl.Heading) == 0 {
		return "Preamble"
	}
	switch cl.Heading[0] {
	case "目标":
		return "Preamble"
	case "原则":
		return "Principles"
	case "后续行动和审查":
		return "Follow-up and review"
	}
	return "Commitments (general)"
}

// ComputeStats counts, for every compared document, how the GDC clauses in
// scope fare: each clause counts once, by its pair stance. A target filter
// counts the clauses compare shows for it: those with a record there.
func ComputeStats(c *corpus.Corpus, m *mapping.Set, f Filter) Stats {
	st := Stats{Docs: f.docs(c)}
	st.PerDoc = make([]Counts, len(st.Docs))
	gdc, ok := c.Reference()
	if !ok {
		return st
	}
	ix := newIndex(m)
	secIndex := map[string]int{}
	for i := range gdc.Clauses {
		cl := &gdc.Clauses[i]
		if !cl.Mapped() || !f.clause(cl) || !f.targeted(ix, st.Docs, cl.ID) {
			continue
		}
		name := Section(cl)
		si, ok := secIndex[name]
		if !ok {
			si = len(st.Sections)
			secIndex[name] = si
			st.Sections = append(st.Sections, SectionStats{Section: name, PerDoc: make([]Counts, len(st.Docs))})
		}
		for j, d := range st.Docs {
			recs := ix.of(d.ID, cl.ID)
			stance := cellStance(m, d.ID, cl.ID, recs)
			st.PerDoc[j].add(stance, len(recs))
			st.Sections[si].PerDoc[j].add(stance, len(recs))
		}
	}
	return st
}

// targeted reports whether a GDC clause has a record in one of the
// documents that passes the target filter (always true without one).
func (f Filter) targeted(ix index, docs []*corpus.Document, id string) bool {
	if len(f.Targets) == 0 {
		return true
	}
	for _, d := range docs {
		for _, r := range ix.of(d.ID, id) {
			if f.target(r) {
				return true
			}
		}
	}
	return false
}
