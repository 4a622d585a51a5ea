package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

// DocCoverage says how far one document's mapping goes: complete (every
// GDC clause reviewed), draft (clauses_reviewed of clauses so far) or none
// (no mapping file: nothing reviewed).
type DocCoverage struct {
	Document        string `json:"document"`
	Mapping         string `json:"mapping" schema:"enum=complete|draft|none"`
	ClausesReviewed int    `json:"clauses_reviewed"`
	Clauses         int    `json:"clauses"`
}

func docCoverage(c Context, docs []*corpus.Document) []DocCoverage {
	out := []DocCoverage{}
	for _, dc := range compare.CoverageOfDocs(c.Data.Corpus, c.Data.Mappings, docs) {
		out = append(out, DocCoverage{Document: dc.Doc.ID, Mapping: dc.Status, ClausesReviewed: dc.Reviewed, Clauses: dc.Total})
	}
	return out
}

// coverageNote names the documents not (fully) reviewed, for a report's
// notes; "" when every document was reviewed completely.
func coverageNote(cov []DocCoverage) string {
	var parts []string
	for _, c := range cov {
		switch c.Mapping {
		case compare.MappingNone:
			parts = append(parts, ShortDoc(c.Document)+" has no mapping file (nothing reviewed)")
		case compare.MappingDraft:
			parts = append(parts, fmt.Sprintf("%s is a draft (%d of %d GDC clauses reviewed)", ShortDoc(c.Document), c.ClausesReviewed, c.Clauses))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Not reviewed: " + strings.Join(parts, "; ") + ". Clauses not reviewed are out of scope, never counted as silences."
}

// withNote appends note to notes unless it is empty.
func withNote(notes []string, note string) []string {
	if note == "" {
		return notes
	}
	return append(notes, note)
}
