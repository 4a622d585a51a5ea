package compare

import (
	"sort"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Gaps are silences both ways.
type Gaps struct {
	Docs []*corpus.Document
	// Coverage says how far each document's mapping goes (one per Docs):
	// clauses not reviewed are out of scope, never silences.
	Coverage []DocCoverage
	// Silences: GDC clauses with no counterpart in one or more documents,
	// grouped by the clause's first theme.
	Silences []SilenceGroup
	// Unmapped: clauses of the Chinese texts that no GDC clause maps to,
	// grouped by their first theme.
	Unmapped []ClauseGroup
}

// SilenceGroup is the silent GDC clauses of one theme.
type SilenceGroup struct {
	Theme corpus.Theme
	Rows  []Silence
}

// Silence is one GDC clause and where it has no counterpart.
type Silence struct {
	Clause   *corpus.Clause
	SilentIn []*corpus.Document
	// NotReviewedIn are the documents nobody has reviewed the clause against.
	NotReviewedIn []*corpus.Document
	// Noted are the none records: silences the curators called notable.
	Noted []*mapping.Record
	// Reasons are the silence entries of the other silent documents.
	Reasons []*mapping.Silence
}

// InAll reports whether the clause is silent in every compared document
// that reviewed it. A document nobody reviewed is neither silent nor a
// counterpart, so it does not count: with one text unreviewed, --in-all
// asks about the others rather than finding nothing.
func (s Silence) InAll(g Gaps) bool {
	return len(s.SilentIn) > 0 && len(s.SilentIn)+len(s.NotReviewedIn) == len(g.Docs)
}

// ClauseGroup is clauses of one theme.
type ClauseGroup struct {
	Theme   corpus.Theme
	Clauses []*corpus.Clause
}

// GapOptions choose which side to report and how strict.
type GapOptions struct {
	GDCSide, CNSide bool
	InAll           bool // only GDC clauses silent in every document
}

// kinds that never carry a position: left out unless asked for by --kind.
var (
	noGapGDC = []string{"chapeau", "footnote"}
	noGapCN  = []string{"salutation", "signature", "chapeau", "footnote"}
)

// FindGaps computes silences both ways.
func FindGaps(c *corpus.Corpus, m *mapping.Set, f Filter, o GapOptions) Gaps {
	g := Gaps{Docs: f.docs(c)}
	g.Coverage = CoverageOfDocs(c, m, g.Docs)
	ix := newIndex(m)
	gdc, ok := c.Reference()
	if o.GDCSide && ok {
		groups := map[string][]Silence{}
		for i := range gdc.Clauses {
			cl := &gdc.Clauses[i]
			if !f.clause(cl) || (len(f.Kinds) == 0 && in(noGapGDC, cl.Kind)) {
				continue
			}
			s := Silence{Clause: cl}
			for _, d := range g.Docs {
				recs := ix.of(d.ID, cl.ID)
				switch cellStance(m, d.ID, cl.ID, recs) {
				case NotReviewed:
					s.NotReviewedIn = append(s.NotReviewedIn, d)
				case Silent:
					if !f.nearTarget(m, d.ID, cl.ID) {
						continue
					}
					s.SilentIn = append(s.SilentIn, d)
					s.Noted = append(s.Noted, recs...)
					if si, ok := m.Silence(d.ID, cl.ID); ok {
						s.Reasons = append(s.Reasons, si)
					}
				}
			}
			if len(s.SilentIn) == 0 || (o.InAll && !s.InAll(g)) {
				continue
			}
			groups[cl.Themes[0]] = append(groups[cl.Themes[0]], s)
		}
		for key, rows := range groups {
			th := themeOf(c, key)
			g.Silences = append(g.Silences, SilenceGroup{Theme: th, Rows: rows})
		}
		sort.Slice(g.Silences, func(i, j int) bool {
			return c.Themes.Order(g.Silences[i].Theme.Key) < c.Themes.Order(g.Silences[j].Theme.Key)
		})
	}
	if o.CNSide {
		mapped := map[string]bool{}
		for _, r := range m.Records() {
			if r.Target != "" {
				mapped[r.TargetQID()] = true
			}
		}
		// Objectives are the GDC's; they do not narrow the Chinese side.
		fc := f
		fc.Objective = 0
		groups := map[string][]*corpus.Clause{}
		for j, d := range g.Docs {
			// Only a complete review shows that nothing maps to a clause.
			if !g.Coverage[j].Complete() {
				continue
			}
			for i := range d.Clauses {
				cl := &d.Clauses[i]
				if mapped[cl.QID()] || !fc.clause(cl) || (len(f.Kinds) == 0 && in(noGapCN, cl.Kind)) ||
					(len(f.Targets) > 0 && !underAny(cl.QID(), f.Targets)) {
					continue
				}
				groups[cl.Themes[0]] = append(groups[cl.Themes[0]], cl)
			}
		}
		for key, cls := range groups {
			th := themeOf(c, key)
			g.Unmapped = append(g.Unmapped, ClauseGroup{Theme: th, Clauses: cls})
		}
		sort.Slice(g.Unmapped, func(i, j int) bool {
			return c.Themes.Order(g.Unmapped[i].Theme.Key) < c.Themes.Order(g.Unmapped[j].Theme.Key)
		})
	}
	return g
}

// nearTarget applies a target filter to a silence, which has no Chinese
// clause: it passes when the clause the curators considered nearest lies
// under a target (a notable silence names none, so it does not pass).
func (f Filter) nearTarget(m *mapping.Set, doc, src string) bool {
	if len(f.Targets) == 0 {
		return true
	}
	si, ok := m.Silence(doc, src)
	return ok && underAny(si.NearestQID(), f.Targets)
}
