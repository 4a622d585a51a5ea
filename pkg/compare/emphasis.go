package compare

import (
	"unicode"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

// Emphasis is the share of each document given to each theme, in the manner
// of the Manifesto Project's saliency measures: every clause is coded with
// one category — its first (primary) theme — so shares add up to 100%.
type Emphasis struct {
	Docs   []*corpus.Document
	Totals []Share // per document
	Rows   []EmphasisRow
}

// EmphasisRow is one theme across the documents.
type EmphasisRow struct {
	Theme corpus.Theme
	Cells []Share // one per Docs
}

// Share is an amount of text and its share of the document.
type Share struct {
	Clauses     int     `json:"clauses"`
	Chars       int     `json:"chars"`
	ClauseShare float64 `json:"clause_share"` // percent
	CharShare   float64 `json:"char_share"`   // percent
}

// kinds that carry no content of their own and would dilute the shares.
var noEmphasis = []string{"salutation", "signature", "footnote"}

// HanCount counts Chinese characters, the unit of length for Chinese text.
func HanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// ComputeEmphasis measures every document (the GDC included) against the
// theme vocabulary. Themes absent from all documents are left out.
func ComputeEmphasis(c *corpus.Corpus, f Filter) Emphasis {
	e := Emphasis{Docs: f.docs(c)}
	if gdc, ok := c.Reference(); ok {
		e.Docs = append([]*corpus.Document{gdc}, e.Docs...)
	}
	e.Totals = make([]Share, len(e.Docs))
	cells := map[string][]Share{}
	for j, d := range e.Docs {
		for i := range d.Clauses {
			cl := &d.Clauses[i]
			if in(noEmphasis, cl.Kind) || (len(f.Kinds) > 0 && !in(f.Kinds, cl.Kind)) {
				continue
			}
			key := cl.Themes[0]
			if cells[key] == nil {
				cells[key] = make([]Share, len(e.Docs))
			}
			n := HanCount(cl.Text)
			cells[key][j].Clauses++
			cells[key][j].Chars += n
			e.Totals[j].Clauses++
			e.Totals[j].Chars += n
		}
	}
	for _, th := range c.Themes.List {
		row, ok := cells[th.Key]
		if !ok || (len(f.Themes) > 0 && !in(f.Themes, th.Key)) {
			continue
		}
		for j := range row {
			row[j].ClauseShare = pct(row[j].Clauses, e.Totals[j].Clauses)
			row[j].CharShare = pct(row[j].Chars, e.Totals[j].Chars)
		}
		e.Rows = append(e.Rows, EmphasisRow{Theme: th, Cells: row})
	}
	for j := range e.Totals {
		e.Totals[j].ClauseShare, e.Totals[j].CharShare = 100, 100
	}
	return e
}

func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}
