package view

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// QualifierText names qualifiers in words, each with the target's words
// that carry it: Sovereignty precondition (“在尊重…”).
func QualifierText(set *mapping.Set, qs []Qualifier) report.Text {
	var t report.Text
	for i, q := range qs {
		if i > 0 {
			t = append(t, report.Seg{Text: "; "})
		}
		t = append(t, report.Seg{Text: QualifierLabel(set, q.Key) + " ("}, report.Seg{Text: q.Words, Mark: report.MarkQuote}, report.Seg{Text: ")"})
	}
	return t
}

// QualifierLabel is a qualifier's name in words (its key when the
// vocabulary lacks it).
func QualifierLabel(set *mapping.Set, key string) string {
	if qt, ok := set.QualifierType(key); ok {
		return qt.En
	}
	return key
}

// qualifiersOf is a record's qualifiers as the views carry them.
func qualifiersOf(r *mapping.Record) []Qualifier {
	qs := make([]Qualifier, len(r.Qualifiers))
	for i, q := range r.Qualifiers {
		qs[i] = Qualifier(q)
	}
	return qs
}

// keysOf is qualifier keys, space-separated; one key is used as it is, so
// the usual record costs the CSV no new string.
func keysOf(qs []mapping.Qualifier) string {
	switch len(qs) {
	case 0:
		return ""
	case 1:
		return qs[0].Key
	}
	keys := make([]string, len(qs))
	for i, q := range qs {
		keys[i] = q.Key
	}
	return strings.Join(keys, " ")
}

// QualifierCells are qualifiers as two spreadsheet cells: the keys, space-separated
// (keys hold no spaces), and their words in the same order separated by
// " | " (the texts use ASCII ; and , themselves).
func QualifierCells(qs []Qualifier) (keys, words string) {
	ks := make([]string, len(qs))
	ws := make([]string, len(qs))
	for i, q := range qs {
		ks[i], ws[i] = q.Key, q.Words
	}
	return strings.Join(ks, " "), strings.Join(ws, " | ")
}

// Qualifiers counts, per document in date order, how often each qualifier
// is attached to a partial or divergent record, with the records behind
// each count.
type Qualifiers struct {
	Meta
	Documents  []QualifierDoc `json:"documents"`
	Qualifiers []QualifierRow `json:"qualifiers"`
}

// QualifierDoc is one compared document and its qualified records (partial
// or divergent) under the filters: the base of each share.
type QualifierDoc struct {
	Document string `json:"document"`
	Date     string `json:"date"`
	Records  int    `json:"records"`
}

// QualifierRow is one qualifier with its count in each document.
type QualifierRow struct {
	Key        string           `json:"key"`
	En         string           `json:"en"`
	Definition string           `json:"definition"`
	Counts     []QualifierCount `json:"counts"`
}

// QualifierCount is one qualifier in one document.
type QualifierCount struct {
	Document string `json:"document"`
	Count    int    `json:"count"`
	// Share is Count as a percentage of the document's qualified records
	// (null when it has none).
	Share   *float64          `json:"share"`
	Records []QualifiedRecord `json:"records"`
}

// QualifiedRecord is a record behind a count, with the words that carry
// the qualifier.
type QualifiedRecord struct {
	Source     string `json:"source"`
	Target     string `json:"target"`
	Stance     string `json:"stance" schema:"enum=partial|divergent"`
	Confidence string `json:"confidence" schema:"enum=high|medium|low"`
	Words      string `json:"words"`
}

// NewQualifiers builds the qualifiers report.
func NewQualifiers(c Context) *Qualifiers {
	t := compare.Qualifiers(c.Data.Corpus, c.Data.Mappings, c.Filter)
	v := &Qualifiers{Meta: c.meta("qualifiers"), Documents: []QualifierDoc{}, Qualifiers: []QualifierRow{}}
	for _, d := range t.Docs {
		v.Documents = append(v.Documents, QualifierDoc{Document: d.ID, Date: d.Date, Records: t.Records[d.ID]})
	}
	for _, q := range c.Data.Mappings.Qualifiers {
		if len(c.Filter.Qualifiers) > 0 && !slices.Contains(c.Filter.Qualifiers, q.Key) {
			continue
		}
		row := QualifierRow{Key: q.Key, En: q.En, Definition: q.Definition, Counts: []QualifierCount{}}
		for _, d := range t.Docs {
			qc := QualifierCount{Document: d.ID, Records: []QualifiedRecord{}}
			for _, p := range t.Uses[q.Key][d.ID] {
				r := p.Record
				for _, one := range r.Qualifiers {
					if one.Key == q.Key {
						qc.Records = append(qc.Records, QualifiedRecord{Source: r.SourceQID(), Target: r.TargetQID(), Stance: r.Stance,
							Confidence: r.Confidence, Words: one.Words})
					}
				}
			}
			qc.Count, qc.Share = len(qc.Records), share(len(qc.Records), t.Records[d.ID])
			row.Counts = append(row.Counts, qc)
		}
		v.Qualifiers = append(v.Qualifiers, row)
	}
	return v
}

// Doc is the count table, then each qualifier's records by document.
func (v *Qualifiers) Doc() *report.Doc {
	d := &report.Doc{Title: "Qualifiers: how each text narrows or conditions what it takes up", Meta: v.fields(), Notes: []string{
		"Counts the partial and divergent records that pass the filters; a record can list several qualifiers, so a column can add up to more than its records. Shares are of the document's partial and divergent records.",
		"Each qualifier is backed by the target's own words, quoted. A count that changes between documents can come from one reused formula coded in each (the evolution report shows each text in date order).",
	}}
	ids := make([]string, len(v.Documents))
	for i, doc := range v.Documents {
		ids[i] = doc.Document
	}
	d.Notes = append(d.Notes, columnsNote(ids))
	t := &report.Table{Columns: []report.Column{{Header: "Qualifier"}}}
	for _, doc := range v.Documents {
		t.Columns = append(t.Columns, report.Column{Header: ShortDoc(doc.Document) + " " + doc.Date[:4]})
	}
	base := []report.Text{report.Marked("partial + divergent records", report.MarkDim)}
	for _, doc := range v.Documents {
		base = append(base, report.Marked(itoa(doc.Records), report.MarkDim))
	}
	for _, q := range v.Qualifiers {
		cells := []report.Text{report.Plain(q.En)}
		for _, c := range q.Counts {
			cells = append(cells, report.Plain(countShare(c)))
		}
		t.Rows = append(t.Rows, cells)
	}
	t.Rows = append(t.Rows, base)
	d.Blocks = append(d.Blocks, t)
	for _, q := range v.Qualifiers {
		d.Blocks = append(d.Blocks, report.Heading{Text: q.En + " (" + q.Key + ")"}, report.Para{Text: report.Plain(q.Definition)})
		if !slices.ContainsFunc(q.Counts, func(c QualifierCount) bool { return c.Count > 0 }) {
			d.Blocks = append(d.Blocks, report.Para{Text: report.Marked("No record that passes the filters lists it.", report.MarkDim)})
		}
		for _, c := range q.Counts {
			if c.Count == 0 {
				continue
			}
			d.Blocks = append(d.Blocks, report.Para{Text: report.Marked(c.Document+": "+countShare(c), report.MarkBold)})
			var fs report.Fields
			for _, r := range c.Records {
				fs = append(fs, report.Field{Label: r.Source + " → " + r.Target,
					Value: report.Text{report.StanceGlyph(r.Stance), {Text: " "}, {Text: r.Words, Mark: report.MarkQuote}}})
			}
			d.Blocks = append(d.Blocks, fs)
		}
	}
	return d
}

// countShare is "12 (3%)": whole percentages keep five columns within 80
// (JSON and CSV carry one decimal).
func countShare(c QualifierCount) string {
	if c.Share == nil {
		return itoa(c.Count)
	}
	return fmt.Sprintf("%d (%.0f%%)", c.Count, *c.Share)
}

// Table is one row per qualifier and record (wide: one row per qualifier
// with each document's count and share).
func (v *Qualifiers) Table(wide bool) *report.Table {
	if wide {
		t := table("qualifier", "qualifier_en")
		for _, doc := range v.Documents {
			t.Columns = append(t.Columns, report.Column{Header: doc.Document + "_count", Numeric: true}, report.Column{Header: doc.Document + "_share", Numeric: true})
		}
		for _, q := range v.Qualifiers {
			cells := []string{q.Key, q.En}
			for _, c := range q.Counts {
				s := ""
				if c.Share != nil {
					s = fmt.Sprintf("%.1f", *c.Share)
				}
				cells = append(cells, itoa(c.Count), s)
			}
			t.Rows = append(t.Rows, row(cells...))
		}
		return t
	}
	t := table("qualifier", "qualifier_en", "document", "date", "source", "target", "stance", "confidence", "words")
	for _, q := range v.Qualifiers {
		for i, c := range q.Counts {
			for _, r := range c.Records {
				t.Rows = append(t.Rows, row(q.Key, q.En, c.Document, v.Documents[i].Date, r.Source, r.Target, r.Stance, r.Confidence, r.Words))
			}
		}
	}
	return t
}
