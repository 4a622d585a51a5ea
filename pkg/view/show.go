package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Show is one clause with its curated counterparts, in both directions.
type Show struct {
	Report       string         `json:"report"`
	DataVersion  string         `json:"data_version"`
	Document     string         `json:"document"`
	Clause       Clause         `json:"clause"`
	Counterparts []ShowDocument `json:"counterparts"`

	lang  string
	cl    *corpus.Clause
	c     *corpus.Corpus
	m     *mapping.Set
	links []compare.DocLinks
}

// ShowDocument is the counterparts of the clause in one document.
type ShowDocument struct {
	Document string `json:"document"`
	Complete bool   `json:"mapping_complete"`
	// Mapping is complete, draft or none (no mapping file).
	Mapping string `json:"mapping" schema:"enum=complete|draft|none"`
	// Coverage is the state of a GDC clause in the document: counterpart,
	// reviewed-silence, notable-silence or not-reviewed; for a counterpart
	// clause, not-reviewed when no mapping file maps its document, else "".
	Coverage string       `json:"coverage" schema:"enum=counterpart|reviewed-silence|notable-silence|not-reviewed|"`
	Records  []ShowRecord `json:"records"`
	// Silence is the curators' reason for a reviewed silence: the nearest
	// clause they considered (or null) and why it is not a counterpart.
	Silence *SilenceReason `json:"silence,omitempty"`
}

// SilenceReason is why a reviewed cell has no counterpart.
type SilenceReason struct {
	Nearest *string `json:"nearest"`
	Note    string  `json:"note"`
}

// newSilenceReason is the reason of s, or nil for no entry.
func newSilenceReason(s *mapping.Silence) *SilenceReason {
	if s == nil {
		return nil
	}
	r := &SilenceReason{Note: s.Note}
	if q := s.NearestQID(); q != "" {
		r.Nearest = &q
	}
	return r
}

// ShowRecord is a record with the clause at its other end.
type ShowRecord struct {
	Record
	Clause *Clause `json:"clause,omitempty"`
}

// NewShow builds the view of clause cl.
func NewShow(ds *dataset.Dataset, cl *corpus.Clause, lang string) *Show {
	v := &Show{Report: "show", DataVersion: ds.Version, Document: cl.Doc.ID, Clause: NewClause(cl), Counterparts: []ShowDocument{},
		lang: lang, cl: cl, c: ds.Corpus, m: ds.Mappings, links: compare.LinksOf(ds.Corpus, ds.Mappings, cl)}
	for _, dl := range v.links {
		sd := ShowDocument{Document: dl.Doc.ID, Complete: dl.Complete(), Mapping: dl.Status, Coverage: dl.Coverage, Records: []ShowRecord{},
			Silence: newSilenceReason(dl.Silence)}
		for _, l := range dl.Links {
			sr := ShowRecord{Record: NewRecord(l.Record)}
			if l.Other != nil {
				c := NewClause(l.Other)
				sr.Clause = &c
			}
			sd.Records = append(sd.Records, sr)
		}
		v.Counterparts = append(v.Counterparts, sd)
	}
	return v
}

// Doc shows the clause, then its counterparts document by document.
func (v *Show) Doc() *report.Doc {
	cl := v.cl
	d := &report.Doc{Title: cl.QID() + " — " + pickInline(v.lang, cl.Doc.Title, cl.Doc.TitleEn), Notes: []string{"English summaries are crosswalk's own and unofficial."}}
	if tr := cl.Translation; tr != nil && v.lang != "zh" {
		d.Notes = append(d.Notes, "The supplied translation is your copy of "+tr.Title+", aligned from "+tr.From+
			" by crosswalk new translation; crosswalk ships no official translation.")
	}
	var own []string
	for _, dl := range v.links {
		for _, l := range dl.Links {
			own = append(own, l.Record.QuoteIn(cl.Doc.ID))
		}
	}
	d.Blocks = append(d.Blocks, append(v.about(), clauseFields(v.lang, "Text", cl, own...)...))
	if cl.Doc.ID == corpus.ReferenceID && cl.Kind == "chapeau" {
		d.Blocks = append(d.Blocks, report.Para{}, report.Para{Text: report.Marked(leadIn(cl), report.MarkDim)})
	}
	for _, dl := range v.links {
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("%s %s (%s)", direction(cl), dl.Doc.ID, dl.Doc.Date)})
		if msg := showEmpty(cl, dl); msg != nil {
			d.Blocks = append(d.Blocks, report.Para{Text: msg})
			if dl.Silence != nil {
				d.Blocks = append(d.Blocks, v.silenceFields(dl.Silence))
			}
		} else if dl.Status == compare.MappingDraft && cl.Doc.ID != corpus.ReferenceID {
			d.Blocks = append(d.Blocks, report.Para{Text: report.Marked("The mapping is a draft: GDC clauses not yet reviewed may map here too.", report.MarkDim)})
		}
		for _, l := range dl.Links {
			d.Blocks = append(d.Blocks, v.linkBlocks(l)...)
		}
	}
	return d
}

// about is the clause's heading path, kind, themes and footnotes.
func (v *Show) about() report.Fields {
	cl := v.cl
	var f report.Fields
	if len(cl.Heading) > 0 {
		heading := cl.Heading
		if v.lang == "en" && len(cl.HeadingEn) > 0 {
			heading = cl.HeadingEn
		}
		f = append(f, report.Field{Label: "Heading", Value: report.Plain(strings.Join(heading, " › "))})
	}
	f = append(f, report.Field{Label: "Kind", Value: report.Plain(cl.Kind)},
		report.Field{Label: "Themes", Value: report.Plain(themeLabels(v.c, cl.Themes))})
	var fn []string
	for _, id := range cl.Footnotes {
		if c, ok := cl.Doc.Clause(id); ok {
			fn = append(fn, id+" "+c.Text)
		}
	}
	if len(fn) > 0 {
		f = append(f, report.Field{Label: "Footnotes", Value: report.Plain(strings.Join(fn, "\n"))})
	}
	if cl.Kind == "footnote" {
		var by []string
		for _, c := range cl.Doc.CitedBy(cl.ID) {
			by = append(by, c.QID())
		}
		f = append(f, report.Field{Label: "Cited by", Value: report.Plain(strings.Join(by, ", "))})
	}
	return f
}

// leadIn says that a lead-in chapeau is mapped through its sub-items.
func leadIn(cl *corpus.Clause) string {
	var subs []string
	for i := range cl.Doc.Clauses {
		if id := cl.Doc.Clauses[i].ID; strings.HasPrefix(id, cl.ID+"(") {
			subs = append(subs, id)
		}
	}
	if len(subs) == 0 {
		return "A lead-in: it carries no commitment of its own and is not mapped."
	}
	return "A lead-in: it is not mapped itself; its sub-items are (" + strings.Join(subs, ", ") + ")."
}

func direction(cl *corpus.Clause) string {
	if cl.Doc.ID == corpus.ReferenceID {
		return "Counterparts in"
	}
	return "Mapped from"
}

// linkBlocks shows one counterpart: a head line with the record's stance
// and relation, the counterpart's text and English, this clause's own
// evidence for it (so each highlighted phrase above can be told apart), the
// note, and a caveat when the same words were coded in an older text.
func (v *Show) linkBlocks(l compare.Link) []report.Block {
	lang := v.lang
	r := l.Record
	var detail []string
	for _, s := range []string{r.Relationship, r.Rationale} {
		if s != "" {
			detail = append(detail, s)
		}
	}
	detail = append(detail, "confidence "+r.Confidence, "theme "+r.Theme)
	head := report.Plain("No counterpart — a notable silence")
	if l.Other != nil {
		head = report.Marked(l.Other.QID(), report.MarkBold)
	}
	head = head.With(report.Seg{Text: "  "}, report.StanceGlyph(r.Stance), report.Seg{Text: " " + r.Stance, Mark: report.StanceMark(r.Stance)},
		report.Seg{Text: " · " + strings.Join(detail, " · "), Mark: report.MarkDim})
	var fields report.Fields
	if l.Other != nil {
		label := "GDC"
		if l.Other.Doc.ID != corpus.ReferenceID {
			label = ShortDoc(l.Other.Doc.ID)
		}
		fields = clauseFields(lang, label, l.Other, r.QuoteIn(l.Other.Doc.ID))
	}
	if q := r.QuoteIn(v.cl.Doc.ID); q != "" {
		fields = append(fields, report.Field{Label: "Evidence", Value: report.Text{{Text: v.cl.ID + ": "}, {Text: q, Mark: report.MarkQuote}}})
	}
	if len(r.Qualifiers) > 0 {
		fields = append(fields, report.Field{Label: "Qualifiers", Value: QualifierText(v.m, qualifiersOf(r))})
	}
	fields = append(fields, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	if c := v.earlier(l); c != "" {
		fields = append(fields, report.Field{Label: "Caveat", Value: report.Marked(c, report.MarkDim)})
	}
	return []report.Block{report.Para{}, report.Para{Text: head}, fields}
}

// themeLabels is "key (English label)" for each theme key.
func themeLabels(c *corpus.Corpus, keys []string) string {
	var out []string
	for _, k := range keys {
		if th, ok := c.Themes.Get(k); ok {
			out = append(out, fmt.Sprintf("%s (%s)", k, th.En))
		} else {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}

// Table: show has no CSV form.
func (v *Show) Table(bool) *report.Table { return nil }

// showEmpty says why a document has no counterpart to show, or nil when it
// has some: not reviewed (no mapping file, or a draft that has not reached
// the clause) is never presented as a silence.
func showEmpty(cl *corpus.Clause, dl compare.DocLinks) report.Text {
	if len(dl.Links) > 0 {
		return nil
	}
	notReviewed := report.Text{report.StanceGlyph(compare.NotReviewed)}
	switch {
	case dl.Status == compare.MappingNone && cl.Doc.ID == corpus.ReferenceID:
		return notReviewed.With(report.Seg{Text: " Not reviewed: no mapping file maps the GDC onto " + dl.Doc.ID + ".", Mark: report.MarkDim})
	case dl.Status == compare.MappingNone:
		return notReviewed.With(report.Seg{Text: " Not reviewed: no mapping file maps the GDC onto " + cl.Doc.ID + ".", Mark: report.MarkDim})
	case dl.Coverage == compare.CoverNotReviewed:
		return notReviewed.With(report.Seg{Text: " Not reviewed yet: the draft mapping onto " + dl.Doc.ID + " has not reached this clause.", Mark: report.MarkDim})
	case dl.Status == compare.MappingDraft && cl.Doc.ID != corpus.ReferenceID:
		return report.Marked("No GDC clause reviewed so far maps here; the mapping is a draft.", report.MarkDim)
	}
	return report.Marked("No counterpart: the curators read this clause against the whole document.", report.MarkDim)
}

// silenceFields are the curators' reason for a silence and the clause
// they found nearest, with its text so the reader can judge.
func (v *Show) silenceFields(s *mapping.Silence) report.Fields {
	f := report.Fields{{Label: "Why", Value: report.Plain(s.Note)}}
	if s.Nearest == "" {
		return f
	}
	f = append(f, report.Field{Label: "Nearest", Value: report.Text{{Text: s.NearestQID(), Mark: report.MarkBold}}})
	if d, ok := v.c.Doc(s.TargetDoc); ok {
		if cl, ok := d.Clause(s.Nearest); ok {
			f = append(f, clauseFields(v.lang, "Its text", cl)...)
		}
	}
	return f
}

// earlier words the caveat for a record whose quoted words an older text
// also has, coded against the same GDC clause.
func (v *Show) earlier(l compare.Link) string {
	var parts []string
	differs := false
	for _, e := range compare.EarlierUses(v.c, v.m, l.Record) {
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", e.Other.QID(), e.Other.Doc.Date, e.Record.Stance))
		differs = differs || e.Record.Stance != l.Record.Stance
	}
	if len(parts) == 0 {
		return ""
	}
	msg := "the quoted words also stand in " + strings.Join(parts, ", ") + ", coded against this GDC clause"
	if differs {
		msg += "; the different stance can come from how the same formula is framed here, or from coding, rather than from a change of position"
	}
	return msg + "."
}
