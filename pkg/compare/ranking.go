package compare

import "sort"

// Measures of emphasis: a theme's share of a document's Chinese characters
// or of its clauses.
const (
	ByChars   = "chars"
	ByClauses = "clauses"
)

// Of is the share in percent by measure (ByClauses, else ByChars).
func (s Share) Of(by string) float64 {
	if by == ByClauses {
		return s.ClauseShare
	}
	return s.CharShare
}

// Ranked is a theme's share of one document.
type Ranked struct {
	Theme string  `json:"theme"`
	Share float64 `json:"share"`
}

// Leading ranks the themes of document j (an index into e.Docs) by their
// share under measure by, largest first (vocabulary order breaks ties), and
// keeps at most top of them. Themes absent from the document are left out;
// a top below 1 or an index out of range gives none.
func (e Emphasis) Leading(j, top int, by string) []Ranked {
	if top < 1 || j < 0 || j >= len(e.Docs) {
		return nil
	}
	var out []Ranked
	for _, row := range e.Rows {
		if j >= len(row.Cells) {
			continue
		}
		if v := row.Cells[j].Of(by); v > 0 {
			out = append(out, Ranked{Theme: row.Theme.Key, Share: v})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Share > out[b].Share })
	return out[:min(top, len(out))]
}
