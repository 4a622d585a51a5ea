package view

import (
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Evolution is each selected GDC clause as the Chinese texts took it up,
// oldest first, with what changed from one text to the next.
type Evolution struct {
	Meta
	Documents []string          `json:"documents"`
	Clauses   []EvolutionClause `json:"clauses"`

	set *mapping.Set // for qualifier names
}

// EvolutionClause is one GDC clause's timeline.
type EvolutionClause struct {
	Clause Clause `json:"clause"`
	// Changed is set when texts that take the clause up do so with
	// different stances: the position moved.
	Changed bool            `json:"changed"`
	Steps   []EvolutionStep `json:"steps"`
}

// EvolutionStep is one document's take on the clause.
type EvolutionStep struct {
	Document      string   `json:"document"`
	Date          string   `json:"date"`
	Stance        string   `json:"stance" schema:"enum=aligned|partial|divergent|silent|not-reviewed"`
	StanceChanged bool     `json:"stance_changed"`
	Records       []Record `json:"records"`
	Silence       *Silence `json:"silence"`
	Qualifiers    []string `json:"qualifiers"`
	// QualifiersAdded and QualifiersDropped compare with the previous
	// document that had counterparts.
	QualifiersAdded   []string `json:"qualifiers_added"`
	QualifiersDropped []string `json:"qualifiers_dropped"`
	// ReusedFrom are earlier documents' counterpart clauses that hold this
	// step's quoted words.
	ReusedFrom []string `json:"reused_from"`
}

// NewEvolution builds the timelines: of clause (a GDC QID) alone when it is
// given; changedOnly keeps the clauses whose position moves (Changed).
func NewEvolution(c Context, clause string, changedOnly bool) *Evolution {
	v := &Evolution{Meta: c.meta("evolution"), Documents: []string{}, Clauses: []EvolutionClause{}, set: c.Data.Mappings}
	for _, d := range c.Data.Corpus.Counterparts() {
		if len(c.Filter.Against) == 0 || contains(c.Filter.Against, d.ID) {
			v.Documents = append(v.Documents, d.ID)
		}
	}
	for _, t := range compare.Evolution(c.Data.Corpus, c.Data.Mappings, c.Filter) {
		if changedOnly && !t.Changed() || clause != "" && t.Clause.QID() != clause {
			continue
		}
		ec := EvolutionClause{Clause: NewClause(t.Clause), Changed: t.Changed(), Steps: []EvolutionStep{}}
		for _, s := range t.Steps {
			es := EvolutionStep{Document: s.Doc.ID, Date: s.Doc.Date, Stance: s.Stance, StanceChanged: s.StanceChanged, Records: []Record{},
				Qualifiers: nonNil(s.Qualifiers), QualifiersAdded: nonNil(s.Added), QualifiersDropped: nonNil(s.Dropped), ReusedFrom: []string{}}
			for _, l := range s.Links {
				es.Records = append(es.Records, NewRecord(l.Record))
			}
			if s.Silence != nil {
				for _, one := range NewSilences(s.Silence) {
					if one.Source == t.Clause.QID() {
						es.Silence = &one
					}
				}
			}
			for _, cl := range s.Reused {
				es.ReusedFrom = append(es.ReusedFrom, cl.QID())
			}
			ec.Steps = append(ec.Steps, es)
		}
		v.Clauses = append(v.Clauses, ec)
	}
	return v
}

// Doc is a stance count per document (when several clauses are shown), then
// each clause's timeline with the evidence in the texts' own script.
func (v *Evolution) Doc() *report.Doc {
	d := &report.Doc{Title: "Evolution: how each text took up the GDC clause, oldest first", Meta: v.fields(), Notes: []string{
		"A text's stance on a clause is the strongest of its records (divergent over partial over aligned). \"Changed\" compares each text with the one before it; qualifiers are compared with the last text that had a counterpart.",
		"Caveat: a change can come from coding, not from new wording. Where a later text repeats words an earlier one used (\"same words as …\"), a different stance or qualifier reflects how the rest of the clause reads.",
	}}
	if len(v.Clauses) > 1 {
		d.Notes = append(d.Notes, columnsNote(v.Documents))
		d.Blocks = append(d.Blocks, v.countTable(), report.Para{Text: report.Plain(itoa(v.changedCount()) + " of " + itoa(len(v.Clauses)) + " clauses are taken up with different stances by different texts (the position moved).")})
	}
	for _, ec := range v.Clauses {
		d.Blocks = append(d.Blocks, report.Heading{Text: ec.Clause.ID + " — " + ec.Clause.SummaryEn},
			report.Fields{{Label: "GDC", Value: report.Plain(ec.Clause.Text)}})
		for i, s := range ec.Steps {
			prev := ""
			if i > 0 {
				prev = ec.Steps[i-1].Stance
			}
			d.Blocks = append(d.Blocks, report.Para{Text: v.stepHead(s, prev)}, v.stepFields(s))
		}
	}
	if len(v.Clauses) == 0 {
		d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("No GDC clause matches these filters.")})
	}
	return d
}

func (v *Evolution) changedCount() int {
	n := 0
	for _, ec := range v.Clauses {
		if ec.Changed {
			n++
		}
	}
	return n
}

// countTable counts the selected clauses per stance in each document: the
// 2014 → 2024 picture in numbers.
func (v *Evolution) countTable() *report.Table {
	stances := []string{mapping.Aligned, mapping.Partial, mapping.Divergent, compare.Silent, compare.NotReviewed}
	t := &report.Table{Columns: []report.Column{{Header: "Document"}}}
	for _, s := range stances {
		t.Columns = append(t.Columns, report.Column{Header: s})
	}
	for i, doc := range v.Documents {
		counts := map[string]int{}
		date := ""
		for _, ec := range v.Clauses {
			if i < len(ec.Steps) {
				counts[ec.Steps[i].Stance]++
				date = ec.Steps[i].Date
			}
		}
		cells := []report.Text{report.Plain(ShortDoc(doc) + " " + date[:min(4, len(date))])}
		for _, s := range stances {
			cells = append(cells, report.Plain(itoa(counts[s])))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// stepHead is "◐ 2021 cn-africa-2021: partial · stance was silent".
func (v *Evolution) stepHead(s EvolutionStep, prev string) report.Text {
	t := report.Text{report.StanceGlyph(s.Stance), {Text: " " + s.Date + " " + s.Document + ": ", Mark: report.MarkBold},
		{Text: s.Stance, Mark: report.StanceMark(s.Stance)}}
	var changes []string
	if s.StanceChanged {
		changes = append(changes, "was "+prev)
	}
	if len(s.QualifiersAdded) > 0 {
		changes = append(changes, "adds "+v.names(s.QualifiersAdded))
	}
	if len(s.QualifiersDropped) > 0 {
		changes = append(changes, "drops "+v.names(s.QualifiersDropped))
	}
	if len(changes) > 0 {
		t = append(t, report.Seg{Text: " · " + strings.Join(changes, "; "), Mark: report.MarkBold})
	}
	return t
}

// stepFields are the step's counterparts with their evidence, or the
// reason for a silence.
func (v *Evolution) stepFields(s EvolutionStep) report.Fields {
	var fs report.Fields
	for _, r := range s.Records {
		if r.Stance == mapping.None {
			fs = append(fs, report.Field{Label: "Silence", Value: report.Plain(r.Note)})
			continue
		}
		val := report.Text{report.StanceGlyph(r.Stance), {Text: " "}, {Text: r.QuoteTarget, Mark: report.MarkQuote}}
		if r.Confidence == mapping.ConfidenceLow {
			val = append(val[:1:1], append(report.Text{report.LowConfidence()}, val[1:]...)...)
		}
		fs = append(fs, report.Field{Label: strings.TrimPrefix(r.Target, s.Document+":"), Value: val})
		if len(r.Qualifiers) > 0 {
			fs = append(fs, report.Field{Label: "Qualifiers", Value: QualifierText(v.set, r.Qualifiers)})
		}
	}
	if s.Silence != nil {
		fs = append(fs, report.Field{Label: "Why", Value: report.Plain(s.Silence.Note)})
	}
	if s.Stance == compare.NotReviewed {
		fs = append(fs, report.Field{Label: "Why", Value: report.Plain("Nobody has reviewed this clause against the text.")})
	}
	if len(s.ReusedFrom) > 0 {
		fs = append(fs, report.Field{Label: "Reused", Value: report.Plain("same words as " + strings.Join(s.ReusedFrom, ", "))})
	}
	return fs
}

// names gives qualifier keys as their English names.
func (v *Evolution) names(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		label := QualifierLabel(v.set, k)
		out[i] = strings.ToLower(label[:1]) + label[1:]
	}
	return strings.Join(out, ", ")
}

// Table is one row per document step and record (a silent step: one row
// with its reason).
func (v *Evolution) Table(bool) *report.Table {
	t := table("clause", "document", "date", "stance", "stance_changed", "target", "record_stance", "confidence", "quote_target",
		"qualifiers", "qualifiers_added", "qualifiers_dropped", "reused_from", "note")
	for _, ec := range v.Clauses {
		for _, s := range ec.Steps {
			changed := "false"
			if s.StanceChanged {
				changed = "true"
			}
			common := []string{ec.Clause.ID, s.Document, s.Date, s.Stance, changed}
			tail := []string{strings.Join(s.QualifiersAdded, " "), strings.Join(s.QualifiersDropped, " "), strings.Join(s.ReusedFrom, " ")}
			if len(s.Records) == 0 {
				note := ""
				if s.Silence != nil {
					note = s.Silence.Note
				}
				t.Rows = append(t.Rows, row(append(append(common, "", "", "", "", ""), append(tail, note)...)...))
			}
			for _, r := range s.Records {
				keys, _ := QualifierCells(r.Qualifiers)
				target := r.Target
				if r.Stance == mapping.None {
					target = ""
				}
				t.Rows = append(t.Rows, row(append(append(common, target, r.Stance, r.Confidence, r.QuoteTarget, keys), append(tail, r.Note)...)...))
			}
		}
	}
	return t
}
