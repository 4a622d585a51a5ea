package compare

import (
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// EarlierUses finds records of the same GDC clause against older documents
// whose target clause also contains r's target quote (after folding): the
// same formula coded again years later. A stance that differs between them
// may come from how the formula was framed or coded, not from a change in
// the texts, and a reader comparing years should know.
func EarlierUses(c *corpus.Corpus, m *mapping.Set, r *mapping.Record) []Link {
	doc, ok := c.Doc(r.TargetDoc)
	if !ok || r.Target == "" || len([]rune(r.Quotes.Target)) < 4 {
		return nil
	}
	quote := textnorm.Fold(r.Quotes.Target)
	var out []Link
	for _, f := range m.Files {
		older, ok := c.Doc(f.Target)
		if !ok || older.Date >= doc.Date {
			continue
		}
		for i := range f.Records {
			e := &f.Records[i]
			if e.Source != r.Source || e.Target == "" {
				continue
			}
			if cl, ok := older.Clause(e.Target); ok && strings.Contains(textnorm.Fold(cl.Text), quote) {
				out = append(out, Link{Record: e, Other: cl})
			}
		}
	}
	return out
}
