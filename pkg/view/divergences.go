package view

import (
	"fmt"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Divergences is every divergent pair, grouped by theme.
type Divergences struct {
	Meta
	Groups []ThemeGroup `json:"groups"`

	pairs [][]compare.Pair
	set   *mapping.Set // for qualifier names
}

// ThemeGroup is the divergent pairs of one theme.
type ThemeGroup struct {
	Theme   string `json:"theme"`
	ThemeEn string `json:"theme_en"`
	ThemeZh string `json:"-"`
	Pairs   []Pair `json:"pairs"`
}

// Pair is a record with both of its clauses.
type Pair struct {
	Record
	SourceClause Clause  `json:"source_clause"`
	TargetClause *Clause `json:"target_clause,omitempty"`
	Date         string  `json:"-"`
	Document     string  `json:"-"`
}

// NewPair is the view of a record and its clauses.
func NewPair(p compare.Pair) Pair {
	v := Pair{Record: NewRecord(p.Record), SourceClause: NewClause(p.Source), Date: p.Record.TargetDoc, Document: p.Record.TargetDoc}
	if p.Target != nil {
		c := NewClause(p.Target)
		v.TargetClause, v.Date = &c, p.Target.Doc.Date
	}
	return v
}

// NewDivergences builds the divergence report.
func NewDivergences(c Context) *Divergences {
	v := &Divergences{Meta: c.meta("divergences"), Groups: []ThemeGroup{}, set: c.Data.Mappings}
	for _, g := range compare.Divergences(c.Data.Corpus, c.Data.Mappings, c.Filter) {
		tg := ThemeGroup{Theme: g.Theme.Key, ThemeEn: g.Theme.En, ThemeZh: g.Theme.Zh, Pairs: []Pair{}}
		for _, p := range g.Pairs {
			tg.Pairs = append(tg.Pairs, NewPair(p))
		}
		v.Groups = append(v.Groups, tg)
		v.pairs = append(v.pairs, g.Pairs)
	}
	return v
}

// Doc shows each pair with both texts, the evidence and the note.
func (v *Divergences) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Divergences: where a Chinese text takes a conflicting position",
		Meta:  v.fields(),
		Notes: []string{"Notes and summaries are crosswalk's own and unofficial; the texts are verbatim."},
	}
	n := 0
	for i, g := range v.Groups {
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("%s — %s (%d)", g.ThemeEn, g.ThemeZh, len(g.Pairs))})
		for _, p := range v.pairs[i] {
			d.Blocks = append(d.Blocks, v.pairBlocks(p)...)
			n++
		}
	}
	if n == 0 {
		d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("No divergent pair matches these filters.")})
	}
	d.Meta = append(d.Meta, report.Field{Label: "Pairs", Value: report.Plain(itoa(n))})
	return d
}

// pairBlocks shows a record with both texts, labelled, what carries the
// divergence, and the note.
func (v *Divergences) pairBlocks(p compare.Pair) []report.Block {
	lang := v.lang
	r := p.Record
	head := report.Marked(p.Source.QID(), report.MarkBold)
	date := r.TargetDoc
	if p.Target != nil {
		head = head.With(report.Seg{Text: "  ↔  "}, report.Seg{Text: p.Target.QID(), Mark: report.MarkBold})
		date = p.Target.Doc.Date
	}
	head = head.With(report.Seg{Text: "  "}, report.StanceGlyph(r.Stance),
		report.Seg{Text: fmt.Sprintf(" %s · %s · confidence %s", r.Stance, date, r.Confidence), Mark: report.StanceMark(r.Stance)})
	fields := clauseFields(lang, "GDC", p.Source, r.Quotes.Source)
	if p.Target != nil {
		fields = append(fields, clauseFields(lang, ShortDoc(r.TargetDoc), p.Target, r.Quotes.Target)...)
	}
	if len(r.Qualifiers) > 0 {
		fields = append(fields, report.Field{Label: "Qualifiers", Value: QualifierText(v.set, qualifiersOf(r))})
	}
	fields = append(fields, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	return []report.Block{report.Para{}, report.Para{Text: head}, fields}
}

// Table is one row per divergent record: group_theme is the heading it
// stands under (its GDC clause's main theme), theme the record's own, as in
// every CSV. --lang en and both add the English of both clauses.
func (v *Divergences) Table(bool) *report.Table {
	en := v.lang != "zh"
	cols := []string{"group_theme", "source", "target", "document", "date", "stance", "relationship", "confidence", "theme", "note", "quote_source", "quote_target", "source_text", "target_text",
		"qualifiers", "qualifier_words"}
	if en {
		cols = append(cols, "source_en", "target_en")
	}
	t := table(cols...)
	for i, g := range v.Groups {
		for j, p := range g.Pairs {
			text := ""
			if p.TargetClause != nil {
				text = p.TargetClause.Text
			}
			keys, words := QualifierCells(p.Qualifiers)
			cells := []string{g.Theme, p.Source, p.Target, p.Document, p.Date, p.Stance, p.Relationship, p.Confidence, p.Theme, p.Note, p.QuoteSource, p.QuoteTarget, p.SourceClause.Text, text,
				keys, words}
			if en {
				cp := v.pairs[i][j]
				targetEn := ""
				if cp.Target != nil {
					targetEn = englishText(cp.Target)
				}
				cells = append(cells, englishText(cp.Source), targetEn)
			}
			t.Rows = append(t.Rows, row(cells...))
		}
	}
	return t
}
