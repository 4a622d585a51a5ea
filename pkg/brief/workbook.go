// Package brief assembles many reports into one deliverable for readers who
// do not use a terminal: a self-contained HTML page and an Excel workbook.
package brief

import (
	"strconv"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// Workbook is every report with a table, plus the clauses and the records,
// as the sheets of one workbook.
type Workbook struct {
	ctx view.Context
}

// NewWorkbook builds the workbook of the data in c.
func NewWorkbook(c view.Context) *Workbook { return &Workbook{ctx: c} }

// Doc is nil: the workbook is for spreadsheets only.
func (w *Workbook) Doc() *report.Doc { return nil }

// Table is nil: the workbook has several; see Sheets.
func (w *Workbook) Table(bool) *report.Table { return nil }

// Title names the workbook in its document properties: what was compared,
// under which filters, and the data version.
func (w *Workbook) Title() string {
	mx := view.NewCompare(w.ctx)
	docs := make([]doc, len(mx.Documents))
	for i, id := range mx.Documents {
		docs[i].ID = id
	}
	title, _ := titles(docs, len(mx.Rows))
	return "crosswalk: " + title + ", data version " + w.ctx.Data.Version
}

// Sheets are the reports (each the rows of its CSV), then clauses and
// records. Matrix cells link to the record they stand for.
func (w *Workbook) Sheets() []report.Sheet {
	c := w.ctx
	records, at := recordsTable(c)
	matrix := view.NewCompare(c).Table(false)
	sheets := []report.Sheet{{Name: "compare", Table: matrix, Links: matrixLinks(matrix, at)}}
	for _, s := range []struct {
		name string
		v    report.View
	}{
		{"divergences", view.NewDivergences(c)}, {"gaps", view.NewGaps(c, view.SideBoth, false)}, {"principles", view.NewPrinciples(c)},
		{"emphasis", view.NewEmphasis(c, compare.ByChars, 8)}, {"stats", view.NewStats(c)}, {"docs", view.NewDocs(c)},
	} {
		sheets = append(sheets, report.Sheet{Name: s.name, Table: s.v.Table(false)})
	}
	// The qualifier counts per document; the records sheet lists each
	// record's qualifiers.
	sheets = append(sheets, report.Sheet{Name: "qualifiers", Table: view.NewQualifiers(c).Table(true)})
	return append(sheets, report.Sheet{Name: "clauses", Table: clausesTable(c)}, report.Sheet{Name: "records", Table: records})
}

// recordsTable is every mapping record, and the records-sheet row of each
// (source, target) pair.
func recordsTable(c view.Context) (*report.Table, map[[2]string]int) {
	t := newTable("source", "target", "stance", "relationship", "rationale", "confidence", "theme", "note", "quote_source", "quote_target",
		"qualifiers", "qualifier_words")
	at := map[[2]string]int{}
	for _, r := range c.Data.Mappings.Records() {
		v := view.NewRecord(r)
		keys, words := view.QualifierCells(v.Qualifiers)
		t.Rows = append(t.Rows, plainRow(v.Source, v.Target, v.Stance, v.Relationship, v.Rationale, v.Confidence, v.Theme, v.Note, v.QuoteSource, v.QuoteTarget,
			keys, words))
		if _, seen := at[[2]string{v.Source, v.Target}]; !seen {
			at[[2]string{v.Source, v.Target}] = len(t.Rows) + 1 // after the header, counting from 1
		}
	}
	return t, at
}

// matrixLinks links each counterpart cell, and each noted silence, of the
// long matrix to its record.
func matrixLinks(t *report.Table, at map[[2]string]int) map[[2]int]string {
	col := map[string]int{}
	for j, c := range t.Columns {
		col[c.Header] = j
	}
	links := map[[2]int]string{}
	for i, r := range t.Rows {
		src, cp, doc := r[col["gdc_clause"]].String(), r[col["counterpart"]].String(), r[col["document"]].String()
		if row, ok := at[[2]string{src, cp}]; ok && cp != "" {
			links[[2]int{i, col["counterpart"]}] = "records!A" + strconv.Itoa(row)
		} else if row, ok := at[[2]string{src, doc}]; ok && r[col["silence_note"]].String() != "" {
			links[[2]int{i, col["silence_note"]}] = "records!A" + strconv.Itoa(row)
		}
	}
	return links
}

// clausesTable is every clause of every document.
func clausesTable(c view.Context) *report.Table {
	t := newTable("id", "document", "heading", "kind", "text", "text_en", "summary_en", "themes")
	translated := false
	for _, d := range c.Data.Corpus.Docs {
		for i := range d.Clauses {
			translated = translated || d.Clauses[i].Translation != nil
		}
	}
	// A supplied translation adds two columns, so a workbook without one
	// keeps its shape.
	if translated {
		t.Columns = append(t.Columns, report.Column{Header: "translation_en"}, report.Column{Header: "translation_source"})
	}
	for _, d := range c.Data.Corpus.Docs {
		for i := range d.Clauses {
			v := view.NewClause(&d.Clauses[i])
			row := plainRow(v.ID, d.ID, v.Heading, v.Kind, v.Text, v.TextEn, v.SummaryEn, strings.Join(v.Themes, " "))
			if translated {
				text, source := "", ""
				if tr := v.Translation; tr != nil {
					text, source = tr.Text, "supplied: "+tr.Title+dated(tr.Date)
					if tr.Gap {
						source = "gap in supplied translation: " + tr.Title + dated(tr.Date)
					}
				}
				row = append(row, report.Plain(text), report.Plain(source))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func newTable(headers ...string) *report.Table {
	t := &report.Table{}
	for _, h := range headers {
		t.Columns = append(t.Columns, report.Column{Header: h})
	}
	return t
}

func plainRow(cells ...string) []report.Text {
	out := make([]report.Text, len(cells))
	for i, c := range cells {
		out[i] = report.Plain(c)
	}
	return out
}
