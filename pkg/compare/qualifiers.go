package compare

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// QualifierTally counts, for each document, the qualified records (partial
// or divergent) that pass the filter and which qualifiers they list.
type QualifierTally struct {
	Docs []*corpus.Document // compared documents, by date
	// Records is each document's partial and divergent records that pass
	// the filter: the base a share is taken of.
	Records map[string]int
	// Uses holds, per qualifier key and document ID, the records that list
	// the qualifier, in GDC clause order.
	Uses map[string]map[string][]Pair
}

// Qualifiers tallies qualifier use per document under the filter.
func Qualifiers(c *corpus.Corpus, m *mapping.Set, f Filter) QualifierTally {
	t := QualifierTally{Docs: f.docs(c), Records: map[string]int{}, Uses: map[string]map[string][]Pair{}}
	for _, q := range m.Qualifiers {
		t.Uses[q.Key] = map[string][]Pair{}
	}
	for _, g := range Pairs(c, m, f, false) {
		for _, p := range g.Pairs {
			r := p.Record
			if r.Stance != mapping.Partial && r.Stance != mapping.Divergent {
				continue
			}
			t.Records[r.TargetDoc]++
			for _, q := range r.Qualifiers {
				if uses, ok := t.Uses[q.Key]; ok {
					uses[r.TargetDoc] = append(uses[r.TargetDoc], p)
				}
			}
		}
	}
	return t
}
