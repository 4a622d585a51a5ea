package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Coverage states of one (document, GDC clause) cell. Every cell is exactly
// one of them; each has its own mark in the terminal and Markdown and its
// own value in CSV and JSON.
const (
	// CoverCounterpart: the clause has one or more counterparts.
	CoverCounterpart = "counterpart"
	// CoverReviewedSilence: the clause was reviewed against the whole
	// document (a complete file, or a draft that lists it) and has no record.
	CoverReviewedSilence = "reviewed-silence"
	// CoverNotableSilence: the curators recorded the silence (a none record).
	CoverNotableSilence = "notable-silence"
	// CoverNotReviewed: nobody has looked yet: no mapping file maps the
	// document, or its draft file has not reached the clause.
	CoverNotReviewed = "not-reviewed"
)

// Coverages lists the coverage states in legend order.
var Coverages = []string{CoverCounterpart, CoverReviewedSilence, CoverNotableSilence, CoverNotReviewed}

// NotReviewed is the pair stance of a clause nobody has reviewed against
// a document. It is not a silence: reports leave such clauses out of scope.
const NotReviewed = "not-reviewed"

// Mapping states of a document: how far its mapping file goes.
const (
	MappingComplete = mapping.StatusComplete // every GDC clause reviewed
	MappingDraft    = mapping.StatusDraft    // the clauses listed so far
	MappingNone     = "none"                 // no mapping file
)

// CoverageOf is the coverage state of GDC clause local in document doc,
// given its records there.
func CoverageOf(m *mapping.Set, doc, local string, recs []*mapping.Record) string {
	if !m.Covers(doc, local) {
		return CoverNotReviewed
	}
	for _, r := range recs {
		if r.Target != "" {
			return CoverCounterpart
		}
	}
	if len(recs) > 0 {
		return CoverNotableSilence
	}
	return CoverReviewedSilence
}

// cellStance is the pair stance of a cell: NotReviewed when nobody has
// looked, else PairStance of its records.
func cellStance(m *mapping.Set, doc, local string, recs []*mapping.Record) string {
	if !m.Covers(doc, local) {
		return NotReviewed
	}
	return PairStance(recs)
}

// DocCoverage is how far one document's mapping goes.
type DocCoverage struct {
	Doc      *corpus.Document
	Status   string // MappingComplete, MappingDraft or MappingNone
	Reviewed int    // mapped GDC clauses decided against it
	Total    int    // mapped GDC clauses (footnotes and lead-ins aside)
}

// Complete reports whether every GDC clause was reviewed against the document.
func (d DocCoverage) Complete() bool { return d.Status == MappingComplete }

// CoverageOfDocs says, for each document, how far its mapping goes.
func CoverageOfDocs(c *corpus.Corpus, m *mapping.Set, docs []*corpus.Document) []DocCoverage {
	gdc, ok := c.Reference()
	out := make([]DocCoverage, 0, len(docs))
	for _, d := range docs {
		dc := DocCoverage{Doc: d, Status: MappingNone}
		f, has := m.For(d.ID)
		if has {
			dc.Status = f.Status
		}
		if ok {
			for i := range gdc.Clauses {
				cl := &gdc.Clauses[i]
				if !cl.Mapped() {
					continue
				}
				dc.Total++
				if m.Covers(d.ID, cl.ID) { // indexed: File.Covers scans every record
					dc.Reviewed++
				}
			}
		}
		out = append(out, dc)
	}
	return out
}

// themeOf is the vocabulary entry of key; a key outside the vocabulary
// (the TODO placeholder of a new document) is shown as itself.
func themeOf(c *corpus.Corpus, key string) corpus.Theme {
	if th, ok := c.Themes.Get(key); ok {
		return th
	}
	return corpus.Theme{Key: key, En: key}
}
