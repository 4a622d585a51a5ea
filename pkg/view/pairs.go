package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Pair groupings.
const (
	ByGDC    = "gdc"
	ByTarget = "target"
)

// Pairs is every record that passes the filters with both texts, grouped by
// clause: the report an analyst pastes into a briefing.
type Pairs struct {
	Meta
	By     string       `json:"by" schema:"enum=gdc|target"`
	Groups []PairsGroup `json:"groups"`

	groups []compare.PairGroup
	set    *mapping.Set // for qualifier names
}

// PairsGroup is one clause and what is recorded for it.
type PairsGroup struct {
	Clause   Clause    `json:"clause"`
	Pairs    []Pair    `json:"pairs"`
	Silences []Silence `json:"silences"`
}

// NewPairs builds the pairs report, grouped by GDC clause or, with by
// ByTarget, by Chinese clause.
func NewPairs(c Context, by string) *Pairs {
	v := &Pairs{Meta: c.meta("pairs"), By: by, Groups: []PairsGroup{}, set: c.Data.Mappings}
	v.groups = compare.Pairs(c.Data.Corpus, c.Data.Mappings, c.Filter, by == ByTarget)
	for _, g := range v.groups {
		pg := PairsGroup{Clause: NewClause(g.Clause), Pairs: []Pair{}, Silences: []Silence{}}
		for _, p := range g.Pairs {
			pg.Pairs = append(pg.Pairs, NewPair(p))
		}
		for _, si := range g.Silences {
			for _, one := range NewSilences(si) {
				if one.Source == g.Clause.QID() {
					pg.Silences = append(pg.Silences, one)
				}
			}
		}
		v.Groups = append(v.Groups, pg)
	}
	return v
}

// Doc writes each clause once, then each counterpart with its evidence,
// stance in words and note: text that reads as a briefing section.
func (v *Pairs) Doc() *report.Doc {
	title := "Pairs: what the Chinese texts say on each GDC clause"
	if v.By == ByTarget {
		title = "Pairs: the GDC clauses each Chinese clause takes up"
	}
	d := &report.Doc{Title: title, Meta: v.fields(), Notes: []string{
		"Method: each record pairs one GDC clause with one clause of a Chinese text, read in full by two readers: aligned (the same commitment), partial (the same aim, narrowed, conditioned or only reported as practice), divergent (a conflicting position). Quoted words are verbatim in the texts' own script; confidence low marks a thin link; qualifiers say why a record is partial (or what carries a divergence), from a closed list, each with the Chinese text's own words.",
		"Notes and English summaries are crosswalk's own and unofficial; data version " + v.DataVersion + ".",
	}}
	n := 0
	for i, g := range v.groups {
		quotes := make([]string, 0, len(g.Pairs))
		for _, p := range g.Pairs {
			quotes = append(quotes, p.Record.QuoteIn(g.Clause.Doc.ID))
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: g.Clause.QID() + " — " + g.Clause.SummaryEn},
			clauseFields(v.lang, docLabel(g.Clause.Doc.ID), g.Clause, quotes...))
		for _, p := range g.Pairs {
			d.Blocks = append(d.Blocks, v.pairBlocks(g.Clause, p)...)
			n++
		}
		for _, si := range v.Groups[i].Silences {
			t := report.Text{report.StanceGlyph(compare.Silent), report.Seg{Text: " " + si.Document + ": no counterpart", Mark: report.MarkBold}}
			fields := report.Fields{{Label: "Why", Value: report.Plain(si.Note)}}
			if si.Nearest != nil {
				fields = append(fields, report.Field{Label: "Nearest", Value: report.Plain(*si.Nearest)})
			}
			d.Blocks = append(d.Blocks, report.Para{}, report.Para{Text: t}, fields)
		}
	}
	if len(v.groups) == 0 {
		d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("No record matches these filters.")})
	}
	d.Meta = append(d.Meta, report.Field{Label: "Records", Value: report.Plain(itoa(n))})
	return d
}

// pairBlocks is one record under its group's clause: the other clause with
// the evidence in both, the stance in words, and the note.
func (v *Pairs) pairBlocks(group *corpus.Clause, p compare.Pair) []report.Block {
	r := p.Record
	other := p.Target
	if group.Doc.ID != corpus.ReferenceID {
		other = p.Source
	}
	head := report.Text{report.StanceGlyph(r.Stance), report.Seg{Text: " " + r.Stance, Mark: report.StanceMark(r.Stance)}}
	if other != nil {
		head = head.With(report.Seg{Text: " — "}, report.Seg{Text: other.QID(), Mark: report.MarkBold}, report.Seg{Text: " (" + other.Doc.Date + ")"})
	} else {
		head = head.With(report.Seg{Text: " — " + r.TargetDoc + ": a notable silence", Mark: report.MarkBold})
	}
	detail := "confidence " + r.Confidence
	if r.Relationship != "" {
		detail = r.Relationship + " · " + detail
	}
	head = head.With(report.Seg{Text: " · " + detail, Mark: report.MarkDim})
	var fields report.Fields
	if other != nil {
		fields = clauseFields(v.lang, docLabel(other.Doc.ID), other, r.QuoteIn(other.Doc.ID))
	}
	if q := r.QuoteIn(group.Doc.ID); q != "" {
		fields = append(fields, report.Field{Label: "Evidence", Value: report.Text{{Text: group.ID + ": "}, {Text: q, Mark: report.MarkQuote}}})
	}
	if len(r.Qualifiers) > 0 {
		fields = append(fields, report.Field{Label: "Qualifiers", Value: QualifierText(v.set, qualifiersOf(r))})
	}
	fields = append(fields, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	return []report.Block{report.Para{}, report.Para{Text: head}, fields}
}

// Table is one row per record and per silence, with both texts and their
// English (official where the source has one, else our summary), so the
// column count never changes with --lang.
func (v *Pairs) Table(bool) *report.Table {
	t := table("clause", "source", "target", "document", "date", "stance", "relationship", "confidence", "theme", "note",
		"quote_source", "quote_target", "source_text", "target_text", "source_en", "target_en", "nearest", "qualifiers", "qualifier_words")
	for i, g := range v.groups {
		for _, p := range g.Pairs {
			r := p.Record
			text, en, date := "", "", ""
			if p.Target != nil {
				text, en, date = p.Target.Text, englishText(p.Target), p.Target.Doc.Date
			}
			keys, words := QualifierCells(qualifiersOf(r))
			t.Rows = append(t.Rows, row(g.Clause.QID(), r.SourceQID(), r.TargetQID(), r.TargetDoc, date, r.Stance, r.Relationship, r.Confidence, r.Theme, r.Note,
				r.Quotes.Source, r.Quotes.Target, p.Source.Text, text, englishText(p.Source), en, "", keys, words))
		}
		for _, si := range v.Groups[i].Silences {
			nearest := ""
			if si.Nearest != nil {
				nearest = *si.Nearest
			}
			t.Rows = append(t.Rows, row(g.Clause.QID(), si.Source, si.Document, si.Document, "", compare.Silent, "", "", "", si.Note,
				"", "", g.Clause.Text, "", englishText(g.Clause), "", nearest, "", ""))
		}
	}
	return t
}

// docLabel names a document beside its text: GDC, or the short name.
func docLabel(id string) string {
	if id == corpus.ReferenceID {
		return "GDC"
	}
	return ShortDoc(id)
}

// englishText is a clause's official English where the source has one,
// else crosswalk's unofficial summary.
func englishText(cl *corpus.Clause) string {
	if cl.TextEn != "" {
		return cl.TextEn
	}
	return cl.SummaryEn
}
