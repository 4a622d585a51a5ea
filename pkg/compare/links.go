// Package compare turns a corpus and its mappings into report models. Its
// functions take values and return values: no I/O, no styling.
package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Link is one curated record seen from one of its two clauses.
type Link struct {
	Record *mapping.Record
	// Other is the clause at the other end; nil for a none record.
	Other *corpus.Clause
}

// DocLinks groups the links of a clause by the document at the other end.
type DocLinks struct {
	Doc   *corpus.Document
	Links []Link
	// Status is how far the mapping between the two documents goes:
	// MappingComplete, MappingDraft or MappingNone.
	Status string
	// Coverage is the state of the cell, for a GDC clause: counterpart,
	// reviewed or notable silence, or not reviewed. For a counterpart
	// clause it is "" unless nobody has reviewed the document (not-reviewed).
	Coverage string
	// Silence is the curators' reason when a GDC clause has no counterpart
	// in Doc (a reviewed silence), else nil.
	Silence *mapping.Silence
}

// Complete reports whether the mapping file declares every reference clause
// reviewed.
func (dl DocLinks) Complete() bool { return dl.Status == MappingComplete }

// LinksOf returns the curated counterparts of clause c in both directions: a
// reference clause gets its counterparts in every compared document (also the
// documents where it has none, so a reviewed silence or a missing review
// shows); a counterpart clause gets the reference clauses mapped to it.
func LinksOf(c *corpus.Corpus, m *mapping.Set, cl *corpus.Clause) []DocLinks {
	var out []DocLinks
	if cl.Kind == "footnote" {
		return nil // footnotes are cited by clauses, not mapped themselves
	}
	if cl.Doc.ID == corpus.ReferenceID {
		if !cl.Mapped() {
			return nil // a lead-in chapeau: its sub-items are mapped
		}
		for _, d := range c.Counterparts() {
			dl := DocLinks{Doc: d, Status: MappingNone}
			var recs []*mapping.Record
			if f, ok := m.For(d.ID); ok {
				dl.Status = f.Status
				for i := range f.Records {
					r := &f.Records[i]
					if r.Source != cl.ID {
						continue
					}
					recs = append(recs, r)
					l := Link{Record: r}
					if r.Target != "" {
						l.Other, _ = d.Clause(r.Target)
					}
					dl.Links = append(dl.Links, l)
				}
			}
			dl.Coverage = CoverageOf(m, d.ID, cl.ID, recs)
			dl.Silence, _ = m.Silence(d.ID, cl.ID)
			out = append(out, dl)
		}
		return out
	}
	ref, ok := c.Reference()
	if !ok {
		return nil
	}
	f, ok := m.For(cl.Doc.ID)
	if !ok {
		return []DocLinks{{Doc: ref, Status: MappingNone, Coverage: CoverNotReviewed}}
	}
	dl := DocLinks{Doc: ref, Status: f.Status}
	for i := range f.Records {
		r := &f.Records[i]
		if r.Target == cl.ID {
			other, _ := ref.Clause(r.Source)
			dl.Links = append(dl.Links, Link{Record: r, Other: other})
		}
	}
	return append(out, dl)
}
