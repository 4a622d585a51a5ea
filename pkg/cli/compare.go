package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// CompareOptions are the inputs of `crosswalk compare`.
type CompareOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdCompare prints the alignment matrix.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{}
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Alignment matrix: every GDC clause against each Chinese text, oldest first",
		Long: `Print one row per GDC clause and one column per Chinese text, ordered by
date (2014 speech → 2024 position paper). Each cell lists the counterpart
clauses with their stance: ✓ aligned, ◐ partial, ✗ divergent; · means the
document was reviewed and has no counterpart (·! marks a silence the curators
recorded as notable). Reading a row left to right shows how the position moved
from 2014 to 2024.`,
		Example: `  crosswalk compare --objective 3
  crosswalk compare --against cn-position-2024 --stance divergent
  crosswalk compare --format csv -o matrix.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *CompareOptions) error { return compareRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fStance|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type matrixJSON struct {
	metaJSON
	Documents []string        `json:"documents"`
	Rows      []matrixRowJSON `json:"rows"`
}

type matrixRowJSON struct {
	Clause    string           `json:"clause"`
	Kind      string           `json:"kind"`
	Objective int              `json:"objective"`
	SummaryEn string           `json:"summary_en"`
	Cells     []matrixCellJSON `json:"cells"`
}

type matrixCellJSON struct {
	Document     string            `json:"document"`
	Stance       string            `json:"stance"`
	Counterparts []counterpartCell `json:"counterparts"`
	SilenceNote  string            `json:"silence_note,omitempty"`
}

type counterpartCell struct {
	Clause     string `json:"clause"`
	Stance     string `json:"stance"`
	Confidence string `json:"confidence"`
}

func compareRun(f *Factory, opts *CompareOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	mx := compare.BuildMatrix(ds.Corpus, ds.Mappings, filter)
	ascii := opts.Out.ASCII

	cols := []report.Column{{Header: "GDC clause", Weight: 1}}
	flatCols := []report.Column{{Header: "clause"}, {Header: "summary_en"}}
	for _, d := range mx.Docs {
		cols = append(cols, report.Column{Header: shortDoc(d.ID)})
		flatCols = append(flatCols, report.Column{Header: d.ID})
	}
	t := &report.Table{Columns: cols}
	flat := &report.Table{Columns: flatCols}
	out := matrixJSON{metaJSON: metaJSON{Report: "compare", DataVersion: ds.Version, Filters: filter}, Rows: []matrixRowJSON{}}
	for _, d := range mx.Docs {
		out.Documents = append(out.Documents, d.ID)
	}
	for _, row := range mx.Rows {
		cl := row.Clause
		first := report.Marked(cl.ID, report.MarkBold)
		first = append(first, report.Plain(" "+gist(f.Lang, cl, 70))...)
		cells := []report.Text{first}
		flatRow := []report.Text{report.Plain(cl.QID()), report.Plain(cl.SummaryEn)}
		rj := matrixRowJSON{Clause: cl.QID(), Kind: cl.Kind, Objective: compare.Objective(cl), SummaryEn: cl.SummaryEn}
		for i, c := range row.Cells {
			cells = append(cells, matrixCell(c, ascii))
			flatRow = append(flatRow, report.Plain(flatCell(c)))
			cj := matrixCellJSON{Document: mx.Docs[i].ID, Stance: c.Stance, Counterparts: []counterpartCell{}}
			for _, l := range c.Links {
				cj.Counterparts = append(cj.Counterparts, counterpartCell{Clause: l.Other.QID(), Stance: l.Record.Stance, Confidence: l.Record.Confidence})
			}
			if c.Silence != nil {
				cj.SilenceNote = c.Silence.Note
			}
			rj.Cells = append(rj.Cells, cj)
		}
		t.Rows = append(t.Rows, cells)
		flat.Rows = append(flat.Rows, flatRow)
		out.Rows = append(out.Rows, rj)
	}
	doc := &report.Doc{
		Title: "Alignment matrix: Global Digital Compact → Chinese texts",
		Meta:  reportMeta(ds, &opts.Filters),
		CSV:   flat,
		Legend: []string{
			stanceLegend(ascii) + "  ·! notable silence recorded",
			"Cells list counterpart clause IDs; `crosswalk show ID` prints both texts, the note and the evidence.",
			columnsLegend(mx.Docs),
			"GDC summaries are crosswalk's own and unofficial.",
		},
	}
	if len(mx.Rows) == 0 {
		doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("No GDC clause matches these filters.")})
	} else {
		doc.Blocks = append(doc.Blocks, t)
	}
	return f.emit(&opts.Out, doc, out)
}

// matrixCell shows each counterpart with its stance mark, one per line.
func matrixCell(c compare.Cell, ascii bool) report.Text {
	if len(c.Links) == 0 {
		sym := stanceSymbol("none", ascii)
		if c.Silence != nil {
			sym += "!"
		}
		return report.Marked(sym, report.MarkSilent)
	}
	var t report.Text
	for i, l := range c.Links {
		if i > 0 {
			t = append(t, report.Seg{Text: "\n"})
		}
		t = append(t, report.Seg{Text: stanceSymbol(l.Record.Stance, ascii) + " " + l.Record.Target, Mark: stanceMark(l.Record.Stance)})
	}
	return t
}

// flatCell is a cell for CSV: "2.4.3 partial; 2.4.4 divergent" or "silent".
func flatCell(c compare.Cell) string {
	if len(c.Links) == 0 {
		if c.Silence != nil {
			return "silent (noted)"
		}
		return "silent"
	}
	var parts []string
	for _, l := range c.Links {
		parts = append(parts, l.Record.Target+" "+l.Record.Stance)
	}
	return strings.Join(parts, "; ")
}

// gist is a short line for a clause in a table: the start of its text with
// --lang zh, else our English summary.
func gist(lang string, cl *corpus.Clause, n int) string {
	if lang == "zh" {
		return oneLine(cl.Text, n/2) // Chinese characters take two columns
	}
	return oneLine(cl.SummaryEn, n)
}

func gistHeader(lang string) string {
	if lang == "zh" {
		return "Text"
	}
	return "Summary (unofficial)"
}
