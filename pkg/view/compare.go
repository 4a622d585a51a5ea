package view

import (
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Compare is the alignment matrix: GDC clauses × Chinese texts.
type Compare struct {
	Meta
	Documents []string      `json:"documents"`
	Coverage  []DocCoverage `json:"coverage"`
	Rows      []CompareRow  `json:"rows"`

	clauses []*corpus.Clause
}

// CompareRow is one GDC clause across the documents.
type CompareRow struct {
	Clause    string        `json:"clause"`
	Kind      string        `json:"kind"`
	Objective int           `json:"objective"`
	SummaryEn string        `json:"summary_en"`
	Cells     []CompareCell `json:"cells"`
}

// CompareCell is what one document has for one GDC clause.
type CompareCell struct {
	Document     string        `json:"document"`
	Stance       string        `json:"stance" schema:"enum=aligned|partial|divergent|silent|not-reviewed"`
	Coverage     string        `json:"coverage" schema:"enum=counterpart|reviewed-silence|notable-silence|not-reviewed"`
	Counterparts []Counterpart `json:"counterparts"`
	SilenceNote  string        `json:"silence_note,omitempty"`
	// Silence is the curators' reason for a reviewed silence.
	Silence *SilenceReason `json:"silence,omitempty"`
}

// Counterpart is one curated counterpart in a cell.
type Counterpart struct {
	Clause       string `json:"clause"`
	Stance       string `json:"stance"`
	Confidence   string `json:"confidence"`
	Relationship string `json:"-"`
	Theme        string `json:"-"`
	local        string
	qualifiers   []mapping.Qualifier // the record's, for the CSV
}

// NewCompare builds the matrix.
func NewCompare(c Context) *Compare {
	mx := compare.BuildMatrix(c.Data.Corpus, c.Data.Mappings, c.Filter)
	// Slices are sized up front: at 100× the matrix has 60,000 cells.
	v := &Compare{Meta: c.meta("compare"), Documents: []string{}, Rows: make([]CompareRow, 0, len(mx.Rows)),
		clauses: make([]*corpus.Clause, 0, len(mx.Rows))}
	for _, d := range mx.Docs {
		v.Documents = append(v.Documents, d.ID)
	}
	v.Coverage = docCoverage(c, mx.Docs)
	for _, r := range mx.Rows {
		row := CompareRow{Clause: r.Clause.QID(), Kind: r.Clause.Kind, Objective: compare.Objective(r.Clause), SummaryEn: r.Clause.SummaryEn,
			Cells: make([]CompareCell, 0, len(r.Cells))}
		for i, cell := range r.Cells {
			cv := CompareCell{Document: mx.Docs[i].ID, Stance: cell.Stance, Coverage: cell.Coverage, Counterparts: make([]Counterpart, 0, len(cell.Links))}
			for _, l := range cell.Links {
				cv.Counterparts = append(cv.Counterparts, Counterpart{Clause: l.Other.QID(), Stance: l.Record.Stance,
					Confidence: l.Record.Confidence, Relationship: l.Record.Relationship, Theme: l.Record.Theme, local: l.Other.ID, qualifiers: l.Record.Qualifiers})
			}
			if cell.Silence != nil {
				cv.SilenceNote = cell.Silence.Note
			}
			cv.Silence = newSilenceReason(cell.Reason)
			row.Cells = append(row.Cells, cv)
		}
		v.Rows = append(v.Rows, row)
		v.clauses = append(v.clauses, r.Clause)
	}
	return v
}

// Doc lays the matrix out for people: local IDs under short column names.
func (v *Compare) Doc() *report.Doc {
	t := &report.Table{Columns: []report.Column{{Header: "GDC clause", Truncate: true}}}
	for _, d := range v.Documents {
		t.Columns = append(t.Columns, report.Column{Header: ShortDoc(d)})
	}
	for i, r := range v.Rows {
		cells := []report.Text{gist(v.lang, v.clauses[i])}
		for _, c := range r.Cells {
			cells = append(cells, matrixCell(c))
		}
		t.Rows = append(t.Rows, cells)
	}
	d := &report.Doc{
		Title: "Alignment matrix: Global Digital Compact → Chinese texts",
		Meta:  v.fields(),
		Notes: []string{
			"Cells list counterpart clauses.",
			columnsNote(v.Documents),
			"Reading a row left to right: a change of stance across years can come from the same reused formula coded under a different framing.",
			"GDC summaries are crosswalk's own and unofficial.",
		},
		Hints: []string{
			"`crosswalk show COLUMN:ID` (e.g. position:2.4.3) prints both texts, the note and the evidence, and notes where quoted words recur in an older text; `crosswalk evolution ID` follows one GDC clause across the years.",
		},
	}
	d.Notes = withNote(d.Notes, coverageNote(v.Coverage))
	if len(v.Rows) == 0 {
		d.Blocks = []report.Block{report.Para{Text: report.Plain("No GDC clause matches these filters.")}}
	} else {
		d.Blocks = []report.Block{t}
	}
	return d
}

// matrixCell shows each counterpart with its stance glyph, one per line.
func matrixCell(c CompareCell) report.Text {
	if len(c.Counterparts) == 0 {
		if c.Stance == compare.NotReviewed {
			return report.Text{report.StanceGlyph(compare.NotReviewed)}
		}
		if c.SilenceNote != "" {
			return report.Text{report.NotedSilence()}
		}
		return report.Text{report.StanceGlyph(compare.Silent)}
	}
	// At most four segments a counterpart: sized once, as browse builds
	// every cell of the matrix before its first frame.
	t := make(report.Text, 0, 4*len(c.Counterparts))
	for i, cp := range c.Counterparts {
		if i > 0 {
			t = append(t, report.Seg{Text: "\n"})
		}
		t = append(t, report.StanceGlyph(cp.Stance))
		if cp.Confidence == mapping.ConfidenceLow {
			// Beside the stance mark, not the ID, so a copied ID resolves.
			t = append(t, report.LowConfidence())
		}
		t = append(t, report.Seg{Text: " " + cp.local, Full: " " + cp.Clause, Mark: report.StanceMark(cp.Stance)})
	}
	return t
}

// SheetRows is the matrix for spreadsheets. Long (default): one row per GDC
// clause, document and counterpart, a silence being one row with no
// counterpart. Wide: one row per GDC clause, one pair-stance column per
// document.
func (v *Compare) SheetRows(wide bool) *report.Rows {
	if wide {
		// Per document, the pair stance (to filter and sort on) and beside
		// it the counterpart clauses with their stances, as the matrix
		// shows them: "1.2 (partial); 2.2.1 (partial, low)".
		cols := []string{"gdc_clause", "summary_en"}
		for _, d := range v.Documents {
			cols = append(cols, d, d+"_clauses")
		}
		return &report.Rows{Columns: cols, All: func(yield func([]string) bool) {
			var rec, ids []string
			for _, r := range v.Rows {
				rec = append(rec[:0], r.Clause, r.SummaryEn)
				for _, c := range r.Cells {
					ids = ids[:0]
					for _, cp := range c.Counterparts {
						how := cp.Stance
						if cp.Confidence == mapping.ConfidenceLow {
							how += ", low"
						}
						ids = append(ids, cp.local+" ("+how+")")
					}
					rec = append(rec, c.Stance, strings.Join(ids, "; "))
				}
				if !yield(rec) {
					return
				}
			}
		}}
	}
	cols := []string{"gdc_clause", "objective", "kind", "document", "pair_stance", "counterpart", "stance", "relationship", "confidence", "theme", "silence_note", "coverage", "nearest", "qualifiers"}
	return &report.Rows{Columns: cols, All: func(yield func([]string) bool) {
		var rec []string
		for _, r := range v.Rows {
			obj := itoa(r.Objective)
			for _, c := range r.Cells {
				if len(c.Counterparts) == 0 {
					note, nearest := c.SilenceNote, ""
					if c.Silence != nil {
						note = c.Silence.Note
						if c.Silence.Nearest != nil {
							nearest = *c.Silence.Nearest
						}
					}
					rec = append(rec[:0], r.Clause, obj, r.Kind, c.Document, c.Stance, "", "", "", "", "", note, c.Coverage, nearest, "")
					if !yield(rec) {
						return
					}
				}
				for _, cp := range c.Counterparts {
					rec = append(rec[:0], r.Clause, obj, r.Kind, c.Document, c.Stance, cp.Clause, cp.Stance, cp.Relationship, cp.Confidence, cp.Theme, "", c.Coverage, "", keysOf(cp.qualifiers))
					if !yield(rec) {
						return
					}
				}
			}
		}
	}}
}

// Table is the matrix as a workbook sheet; CSV streams SheetRows instead.
func (v *Compare) Table(wide bool) *report.Table { return tableOf(v.SheetRows(wide)) }
