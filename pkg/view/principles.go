package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Principles sets the GDC's principles against each Chinese text's own.
type Principles struct {
	Meta
	Matrices []PrincipleMatrix `json:"matrices"`

	src []compare.PrincipleMatrix
}

// PrincipleMatrix is one document's principles against the GDC's.
type PrincipleMatrix struct {
	Document   string         `json:"document"`
	Principles []Principle    `json:"principles"`
	Rows       []PrincipleRow `json:"rows"`
}

// Principle is a stated principle and the clauses that state it.
type Principle struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	NameEn  string   `json:"name_en"`
	Clauses []string `json:"clauses"`
}

// PrincipleRow is one GDC principle against each of the document's
// principles; Elsewhere are counterparts outside them.
type PrincipleRow struct {
	GDCPrinciple Principle       `json:"gdc_principle"`
	Cells        []PrincipleCell `json:"cells"`
	Elsewhere    []Counterpart   `json:"elsewhere"`
	SilenceNote  string          `json:"silence_note,omitempty"`
	// Reviewed is false when none of the principle's GDC clauses has been
	// reviewed against the document (its cells are then not-reviewed).
	Reviewed bool `json:"reviewed"`
}

// PrincipleCell is what one of the document's principles has for a GDC principle.
type PrincipleCell struct {
	Principle    string        `json:"principle"`
	Stance       string        `json:"stance" schema:"enum=aligned|partial|divergent|silent|not-reviewed"`
	Counterparts []Counterpart `json:"counterparts"`
}

func newPrinciple(d *corpus.Document, p corpus.Principle) Principle {
	out := Principle{ID: p.ID, Name: p.Name, NameEn: p.NameEn, Clauses: []string{}}
	for _, c := range p.Clauses {
		out.Clauses = append(out.Clauses, d.ID+":"+c)
	}
	return out
}

func counterparts(ls []compare.Link) []Counterpart {
	out := []Counterpart{}
	for _, l := range ls {
		out = append(out, Counterpart{Clause: l.Other.QID(), Stance: l.Record.Stance, Confidence: l.Record.Confidence,
			Relationship: l.Record.Relationship, Theme: l.Record.Theme, local: l.Other.ID})
	}
	return out
}

// NewPrinciples builds one matrix per compared document that states principles.
func NewPrinciples(c Context) *Principles {
	gdc, _ := c.Data.Corpus.Reference()
	mats := compare.Principles(c.Data.Corpus, c.Data.Mappings, c.Filter)
	v := &Principles{Meta: c.meta("principles"), Matrices: []PrincipleMatrix{}, src: mats}
	for _, pm := range mats {
		mv := PrincipleMatrix{Document: pm.Doc.ID, Principles: []Principle{}, Rows: []PrincipleRow{}}
		for _, p := range pm.Doc.Principles {
			mv.Principles = append(mv.Principles, newPrinciple(pm.Doc, p))
		}
		for _, r := range pm.Rows {
			rv := PrincipleRow{GDCPrinciple: newPrinciple(gdc, r.Principle), Elsewhere: counterparts(r.Elsewhere), Reviewed: r.Reviewed}
			for i, cell := range r.Cells {
				rv.Cells = append(rv.Cells, PrincipleCell{Principle: pm.Doc.Principles[i].ID, Stance: cell.Stance, Counterparts: counterparts(cell.Links)})
			}
			if r.Silence != nil {
				rv.SilenceNote = r.Silence.Note
			}
			mv.Rows = append(mv.Rows, rv)
		}
		v.Matrices = append(v.Matrices, mv)
	}
	return v
}

// Doc shows, per document, its principles and the stance matrix.
func (v *Principles) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Principles: the GDC's principles against each text's own",
		Meta:  v.fields(),
		Notes: []string{"P1, P2 …: the text's own principles, named above each matrix with their clauses. GDC principle names in English are crosswalk's labels."},
	}
	if len(v.Matrices) == 0 {
		d.Blocks = []report.Block{report.Para{Text: report.Plain("None of the compared documents states principles of its own.")}}
	}
	for i, m := range v.Matrices {
		doc := v.src[i].Doc
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("%s (%s) — %s", doc.ID, doc.Date, doc.TitleEn)})
		var names report.Fields
		t := &report.Table{Columns: []report.Column{{Header: "GDC principle"}}}
		for j, p := range doc.Principles {
			names = append(names, report.Field{Label: fmt.Sprintf("P%d", j+1), Value: report.Plain(inlineName(v.lang, p) + "  (" + strings.Join(p.Clauses, ", ") + ")")})
			t.Columns = append(t.Columns, report.Column{Header: fmt.Sprintf("P%d", j+1)})
		}
		t.Columns = append(t.Columns, report.Column{Header: "Elsewhere"})
		for _, r := range m.Rows {
			gp := r.GDCPrinciple
			cells := []report.Text{report.Marked(gp.ID, report.MarkBold).With(report.Seg{Text: " " + principleName(v.lang, gp)})}
			for _, c := range r.Cells {
				cells = append(cells, matrixCell(CompareCell{Stance: c.Stance, Counterparts: c.Counterparts}))
			}
			elsewhere := CompareCell{Counterparts: r.Elsewhere, SilenceNote: r.SilenceNote}
			if !r.Reviewed {
				elsewhere.Stance = compare.NotReviewed
			}
			cells = append(cells, matrixCell(elsewhere))
			t.Rows = append(t.Rows, cells)
		}
		d.Blocks = append(d.Blocks, names, t)
	}
	return d
}

// principleName is a principle's name per --lang, on two lines for both.
func principleName(lang string, p Principle) string {
	switch {
	case lang == "zh" || p.NameEn == "":
		return p.Name
	case lang == "en":
		return p.NameEn
	}
	return p.Name + "\n" + p.NameEn
}

// inlineName is a principle's name per --lang on one line.
func inlineName(lang string, p corpus.Principle) string {
	if lang == "both" && p.NameEn != "" {
		return p.NameEn + " · " + p.Name
	}
	return principleName(lang, Principle{Name: p.Name, NameEn: p.NameEn})
}

// Table is one row per document, GDC clause of a principle, column of the
// matrix (one of the document's principles, or "elsewhere") and
// counterpart; a column with no counterpart for the clause is one row with
// stance silent and no counterpart.
func (v *Principles) Table(bool) *report.Table {
	t := table("document", "gdc_principle", "gdc_principle_en", "gdc_clause", "principle_id", "principle", "principle_en",
		"counterpart", "stance", "relationship", "confidence", "silence_note")
	for i, m := range v.Matrices {
		src := v.src[i]
		for k, r := range src.Rows {
			for j, c := range r.Cells {
				p := src.Doc.Principles[j]
				t.Rows = append(t.Rows, principleRows(m.Document, m.Rows[k], r, []string{p.ID, p.Name, p.NameEn}, c.Links)...)
			}
			t.Rows = append(t.Rows, principleRows(m.Document, m.Rows[k], r, []string{"elsewhere", "", ""}, r.Elsewhere)...)
		}
	}
	return t
}

// principleRows are the CSV rows of one matrix cell: per GDC clause of the
// principle, its counterparts among links, or one silent row.
func principleRows(doc string, rv PrincipleRow, r compare.PrincipleRow, col []string, links []compare.Link) [][]report.Text {
	var out [][]report.Text
	gp := rv.GDCPrinciple
	for ci, local := range r.Principle.Clauses {
		head := append([]string{doc, gp.Name, gp.NameEn, gp.Clauses[ci]}, col...)
		ls := counterparts(compare.LinksFrom(links, local))
		if len(ls) == 0 {
			stance := compare.Silent
			if !rv.Reviewed {
				stance = compare.NotReviewed
			}
			out = append(out, row(append(head, "", stance, "", "", rv.SilenceNote)...))
		}
		for _, cp := range ls {
			out = append(out, row(append(head, cp.Clause, cp.Stance, cp.Relationship, cp.Confidence, "")...))
		}
	}
	return out
}
