package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Matrix is the alignment matrix: one row per GDC clause, one cell per
// counterpart document.
type Matrix struct {
	Docs []*corpus.Document
	Rows []MatrixRow
}

// MatrixRow is one GDC clause across the documents.
type MatrixRow struct {
	Clause *corpus.Clause
	Cells  []Cell // one per Matrix.Docs
}

// Cell is what one document has for one GDC clause.
type Cell struct {
	Stance   string // PairStance of the records, or NotReviewed
	Coverage string // CoverCounterpart, CoverReviewedSilence …
	Links    []Link // counterparts (records with a target)
	Silence  *mapping.Record
	// Reason is the silence entry of a reviewed silence, else nil.
	Reason *mapping.Silence
}

// BuildMatrix computes the alignment matrix. Rows follow document order; a
// stance filter keeps the rows where some cell has one of the stances
// (silent and not-reviewed included) or holds a record that has one: a cell
// with an aligned and a partial record is partial, but it shows for
// --stance aligned. A target filter keeps the rows where a record has one
// of the targets (and one of the stances, if asked).
func BuildMatrix(c *corpus.Corpus, m *mapping.Set, f Filter) Matrix {
	mx := Matrix{Docs: f.docs(c)}
	gdc, ok := c.Reference()
	if !ok {
		return mx
	}
	ix := newIndex(m)
	mx.Rows = make([]MatrixRow, 0, len(gdc.Clauses))
	for i := range gdc.Clauses {
		cl := &gdc.Clauses[i]
		if !cl.Mapped() || !f.clause(cl) {
			continue
		}
		row := MatrixRow{Clause: cl, Cells: make([]Cell, 0, len(mx.Docs))}
		keep := len(f.Stances) == 0 && len(f.Targets) == 0
		for _, d := range mx.Docs {
			recs := ix.of(d.ID, cl.ID)
			cell := Cell{Stance: cellStance(m, d.ID, cl.ID, recs), Coverage: CoverageOf(m, d.ID, cl.ID, recs)}
			cell.Reason, _ = m.Silence(d.ID, cl.ID)
			if len(recs) > 0 {
				cell.Links = make([]Link, 0, len(recs))
			}
			for _, r := range recs {
				if r.Target == "" {
					cell.Silence = r
					continue
				}
				other, _ := d.Clause(r.Target)
				cell.Links = append(cell.Links, Link{Record: r, Other: other})
			}
			keep = keep || (len(f.Targets) == 0 && in(f.Stances, cell.Stance)) || f.anyRecord(recs)
			row.Cells = append(row.Cells, cell)
		}
		if keep {
			mx.Rows = append(mx.Rows, row)
		}
	}
	return mx
}
