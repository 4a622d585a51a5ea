package compare

import (
	"slices"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// PrincipleMatrix sets the GDC's principles against one document's own.
type PrincipleMatrix struct {
	Doc  *corpus.Document
	Rows []PrincipleRow
}

// PrincipleRow is one GDC principle against each of the document's principles.
type PrincipleRow struct {
	Principle corpus.Principle
	Cells     []Cell // one per Doc.Principles
	// Elsewhere are counterparts outside the document's principles.
	Elsewhere []Link
	Silence   *mapping.Record
	// Reviewed is false when none of the principle's GDC clauses has been
	// reviewed against the document: its cells are then not reviewed.
	Reviewed bool
}

// Principles builds one matrix per compared document that states principles.
func Principles(c *corpus.Corpus, m *mapping.Set, f Filter) []PrincipleMatrix {
	gdc, ok := c.Reference()
	if !ok {
		return nil
	}
	ix := newIndex(m)
	var out []PrincipleMatrix
	for _, d := range f.docs(c) {
		if len(d.Principles) == 0 {
			continue
		}
		owner := map[string]int{} // target clause → index of its principle
		for i, p := range d.Principles {
			for _, id := range p.Clauses {
				owner[id] = i
			}
		}
		pm := PrincipleMatrix{Doc: d}
		for _, gp := range gdc.Principles {
			if !f.anyClause(gdc, gp.Clauses) {
				continue
			}
			// With a target filter, a principle stays when one of its
			// clauses has a record there, as a matrix row does.
			if !slices.ContainsFunc(gp.Clauses, func(id string) bool { return f.targeted(ix, []*corpus.Document{d}, id) }) {
				continue
			}
			row := PrincipleRow{Principle: gp, Cells: make([]Cell, len(d.Principles))}
			for _, src := range gp.Clauses {
				for _, r := range ix.of(d.ID, src) {
					if r.Target == "" {
						row.Silence = r
						continue
					}
					other, _ := d.Clause(r.Target)
					l := Link{Record: r, Other: other}
					if i, ok := owner[r.Target]; ok {
						row.Cells[i].Links = append(row.Cells[i].Links, l)
					} else {
						row.Elsewhere = append(row.Elsewhere, l)
					}
				}
			}
			reviewed := false
			for _, src := range gp.Clauses {
				reviewed = reviewed || m.Covers(d.ID, src)
			}
			row.Reviewed = reviewed
			for i := range row.Cells {
				var recs []*mapping.Record
				for _, l := range row.Cells[i].Links {
					recs = append(recs, l.Record)
				}
				row.Cells[i].Stance = PairStance(recs)
				if !reviewed {
					row.Cells[i].Stance = NotReviewed
					row.Cells[i].Coverage = CoverNotReviewed
				}
			}
			pm.Rows = append(pm.Rows, row)
		}
		out = append(out, pm)
	}
	return out
}

// anyClause reports whether one of the clauses passes the clause filters
// (a GDC principle stays when one of its clauses has a theme asked for).
func (f Filter) anyClause(d *corpus.Document, ids []string) bool {
	for _, id := range ids {
		if cl, ok := d.Clause(id); ok && f.clause(cl) {
			return true
		}
	}
	return false
}
