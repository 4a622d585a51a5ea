package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// PrinciplesOptions are the inputs of `crosswalk principles`.
type PrinciplesOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdPrinciples sets the GDC's principles against each text's own.
func NewCmdPrinciples(f *Factory, runF func(*PrinciplesOptions) error) *cobra.Command {
	opts := &PrinciplesOptions{}
	cmd := &cobra.Command{
		Use:   "principles",
		Short: "The GDC's principles 8(a)–(m) against each Chinese text's stated principles",
		Long: `For each Chinese text, a stance matrix: rows are the GDC's thirteen principles
(paragraph 8(a)–(m)), columns are the principles the text states for itself —
the 2024 paper's four basic principles, the white paper's four, the China-Africa
initiative's four pillars and the 2014 speech's four. "Elsewhere" lists
counterparts of a GDC principle outside the text's principles.`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *PrinciplesOptions) error { return principlesRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type principleMatrixJSON struct {
	Document   string             `json:"document"`
	Principles []principleJSON    `json:"principles"`
	Rows       []principleRowJSON `json:"rows"`
}

type principleJSON struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	NameEn  string   `json:"name_en"`
	Clauses []string `json:"clauses"`
}

type principleRowJSON struct {
	GDCPrinciple principleJSON       `json:"gdc_principle"`
	Cells        []principleCellJSON `json:"cells"`
	Elsewhere    []counterpartCell   `json:"elsewhere"`
	SilenceNote  string              `json:"silence_note,omitempty"`
}

type principleCellJSON struct {
	Principle    string            `json:"principle"`
	Stance       string            `json:"stance"`
	Counterparts []counterpartCell `json:"counterparts"`
}

func toPrincipleJSON(d *corpus.Document, p corpus.Principle) principleJSON {
	pj := principleJSON{ID: p.ID, Name: p.Name, NameEn: p.NameEn}
	for _, c := range p.Clauses {
		pj.Clauses = append(pj.Clauses, d.ID+":"+c)
	}
	return pj
}

func principlesRun(f *Factory, opts *PrinciplesOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	gdc, _ := ds.Corpus.Reference()
	mats := compare.Principles(ds.Corpus, ds.Mappings, filter)
	ascii := opts.Out.ASCII
	doc := &report.Doc{Title: "Principles: the GDC's principles against each text's own", Meta: reportMeta(ds, &opts.Filters)}
	flat := &report.Table{}
	for _, h := range []string{"document", "gdc_principle", "gdc_principle_en", "principle", "principle_en", "stance", "counterparts"} {
		flat.Columns = append(flat.Columns, report.Column{Header: h})
	}
	doc.CSV = flat
	out := struct {
		metaJSON
		Matrices []principleMatrixJSON `json:"matrices"`
	}{metaJSON: metaJSON{Report: "principles", DataVersion: ds.Version, Filters: filter}, Matrices: []principleMatrixJSON{}}

	for _, pm := range mats {
		d := pm.Doc
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("%s (%s) — %s", d.ID, d.Date, d.TitleEn)})
		var names report.Fields
		cols := []report.Column{{Header: "GDC principle", Weight: 2}}
		mj := principleMatrixJSON{Document: d.ID}
		for i, p := range d.Principles {
			cols = append(cols, report.Column{Header: fmt.Sprintf("P%d", i+1), Weight: 1})
			names = append(names, report.Field{Label: fmt.Sprintf("P%d", i+1), Value: report.Plain(pickInline(f.Lang, p.Name, p.NameEn) + "  (" + strings.Join(p.Clauses, ", ") + ")")})
			mj.Principles = append(mj.Principles, toPrincipleJSON(d, p))
		}
		cols = append(cols, report.Column{Header: "Elsewhere", Weight: 1})
		doc.Blocks = append(doc.Blocks, names)
		t := &report.Table{Columns: cols}
		for _, row := range pm.Rows {
			gp := row.Principle
			label := report.Marked(gp.ID, report.MarkBold)
			label = append(label, report.Plain(" "+pick(f.Lang, gp.Name, gp.NameEn))...)
			cells := []report.Text{label}
			rj := principleRowJSON{GDCPrinciple: toPrincipleJSON(gdc, gp), Elsewhere: []counterpartCell{}}
			for i, c := range row.Cells {
				cells = append(cells, matrixCell(c, ascii))
				cj := principleCellJSON{Principle: d.Principles[i].ID, Stance: c.Stance, Counterparts: []counterpartCell{}}
				for _, l := range c.Links {
					cj.Counterparts = append(cj.Counterparts, counterpartCell{Clause: l.Other.QID(), Stance: l.Record.Stance, Confidence: l.Record.Confidence})
				}
				rj.Cells = append(rj.Cells, cj)
				flat.Rows = append(flat.Rows, plainRow(d.ID, gp.Name, gp.NameEn, d.Principles[i].Name, d.Principles[i].NameEn, c.Stance, flatCell(c)))
			}
			cells = append(cells, matrixCell(compare.Cell{Links: row.Elsewhere, Silence: row.Silence}, ascii))
			for _, l := range row.Elsewhere {
				rj.Elsewhere = append(rj.Elsewhere, counterpartCell{Clause: l.Other.QID(), Stance: l.Record.Stance, Confidence: l.Record.Confidence})
			}
			if row.Silence != nil {
				rj.SilenceNote = row.Silence.Note
			}
			t.Rows = append(t.Rows, cells)
			mj.Rows = append(mj.Rows, rj)
		}
		doc.Blocks = append(doc.Blocks, t)
		out.Matrices = append(out.Matrices, mj)
	}
	doc.Legend = []string{stanceLegend(ascii) + "  ·! notable silence recorded", "P1–P4: the text's own principles, named above with their clauses. GDC principle names in English are crosswalk's labels."}
	return f.emit(&opts.Out, doc, out)
}
