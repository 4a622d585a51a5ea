package compare

import (
	"slices"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// Timeline is one GDC clause as the compared documents took it up, oldest
// first.
type Timeline struct {
	Clause *corpus.Clause
	Steps  []Step
}

// Step is one document's take on the clause and what changed since the
// document before it.
type Step struct {
	Doc *corpus.Document
	// Stance is the pair stance, Silent, or NotReviewed.
	Stance  string
	Links   []Link
	Silence *mapping.Silence
	// Qualifiers are the keys the records list, first use first.
	Qualifiers []string
	// StanceChanged is set when the stance differs from the previous
	// document's (never for the first step).
	StanceChanged bool
	// Added and Dropped compare the qualifiers with the previous document
	// that had counterparts.
	Added, Dropped []string
	// Reused are clauses of earlier documents that contain this step's
	// quoted words (across scripts): a change here may come from coding a
	// formula the text repeats.
	Reused []*corpus.Clause
}

// Changed reports whether the position moved: two texts that take the
// clause up do so with different stances (partial in 2014, divergent in
// 2024). A text's first taking it up is not a change of position, and
// qualifiers differ between almost any two texts, so neither counts.
func (t Timeline) Changed() bool {
	first := ""
	for _, s := range t.Steps {
		if !hasCounterpart(s.Links) {
			continue
		}
		if first == "" {
			first = s.Stance
		} else if s.Stance != first {
			return true
		}
	}
	return false
}

// Evolution builds the timeline of every GDC clause the filter selects: by
// objective and kind, and by theme through the clause's themes or those of
// any of its records and counterparts.
func Evolution(c *corpus.Corpus, m *mapping.Set, f Filter) []Timeline {
	gdc, ok := c.Reference()
	if !ok {
		return nil
	}
	docs := f.docs(c)
	var out []Timeline
	for i := range gdc.Clauses {
		cl := &gdc.Clauses[i]
		if !cl.Mapped() || !f.clauseNoTheme(cl) {
			continue
		}
		t := Timeline{Clause: cl}
		themed := len(f.Themes) == 0
		var lastQuals []string
		for _, dl := range LinksOf(c, m, cl) {
			if !slices.Contains(docs, dl.Doc) {
				continue
			}
			s := Step{Doc: dl.Doc, Links: dl.Links, Silence: dl.Silence}
			recs := make([]*mapping.Record, 0, len(dl.Links))
			for _, l := range dl.Links {
				recs = append(recs, l.Record)
				themed = themed || f.themeOf(l.Record, cl, l.Other)
				for _, q := range l.Record.Qualifiers {
					if !slices.Contains(s.Qualifiers, q.Key) {
						s.Qualifiers = append(s.Qualifiers, q.Key)
					}
				}
			}
			s.Stance = PairStance(recs)
			if dl.Coverage == CoverNotReviewed {
				s.Stance = NotReviewed
			}
			if n := len(t.Steps); n > 0 {
				s.StanceChanged = s.Stance != t.Steps[n-1].Stance
			}
			if hasCounterpart(s.Links) {
				if lastQuals != nil {
					s.Added, s.Dropped = minus(s.Qualifiers, lastQuals), minus(lastQuals, s.Qualifiers)
				}
				lastQuals = append([]string{}, s.Qualifiers...)
				s.Reused = reused(s.Links, t.Steps)
			}
			t.Steps = append(t.Steps, s)
		}
		if themed || overlaps(f.Themes, cl.Themes) {
			out = append(out, t)
		}
	}
	return out
}

func hasCounterpart(links []Link) bool {
	return slices.ContainsFunc(links, func(l Link) bool { return l.Other != nil })
}

// minus is a without b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// minReusedQuote is the shortest quote, in folded characters, looked for
// in earlier texts: a few characters recur by chance.
const minReusedQuote = 6

// reused finds the earlier steps' counterpart clauses whose text holds one
// of these links' target quotes, compared with script and punctuation
// folded.
func reused(links []Link, earlier []Step) []*corpus.Clause {
	var out []*corpus.Clause
	for _, l := range links {
		q := textnorm.Fold(l.Record.Quotes.Target)
		if l.Other == nil || len([]rune(q)) < minReusedQuote {
			continue
		}
		for _, s := range earlier {
			for _, el := range s.Links {
				if el.Other != nil && !slices.Contains(out, el.Other) && strings.Contains(textnorm.Fold(el.Other.Text), q) {
					out = append(out, el.Other)
				}
			}
		}
	}
	return out
}
