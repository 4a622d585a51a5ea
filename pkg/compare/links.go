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
	Doc      *corpus.Document
	Links    []Link
	Complete bool // the mapping file declares every reference clause reviewed
}

// LinksOf returns the curated counterparts of clause c in both directions: a
// reference clause gets its counterparts in every mapped document (also the
// documents where it has none, so a reviewed silence shows); a counterpart
// clause gets the reference clauses mapped to it.
func LinksOf(c *corpus.Corpus, m *mapping.Set, cl *corpus.Clause) []DocLinks {
	var out []DocLinks
	if cl.Kind == "footnote" {
		return nil // footnotes are cited by clauses, not mapped themselves
	}
	if cl.Doc.ID == corpus.ReferenceID {
		for _, f := range m.Files {
			d, _ := c.Doc(f.Target)
			dl := DocLinks{Doc: d, Complete: f.Status == "complete"}
			for i := range f.Records {
				r := &f.Records[i]
				if r.Source != cl.ID {
					continue
				}
				l := Link{Record: r}
				if r.Target != "" {
					l.Other, _ = d.Clause(r.Target)
				}
				dl.Links = append(dl.Links, l)
			}
			out = append(out, dl)
		}
		return out
	}
	f, ok := m.For(cl.Doc.ID)
	if !ok {
		return nil
	}
	ref, _ := c.Doc(f.Source)
	dl := DocLinks{Doc: ref, Complete: f.Status == "complete"}
	for i := range f.Records {
		r := &f.Records[i]
		if r.Target == cl.ID {
			other, _ := ref.Clause(r.Source)
			dl.Links = append(dl.Links, Link{Record: r, Other: other})
		}
	}
	return append(out, dl)
}
