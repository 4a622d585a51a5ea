package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// StatsOptions are the inputs of `crosswalk stats`.
type StatsOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdStats reports coverage and alignment scores.
func NewCmdStats(f *Factory, runF func(*StatsOptions) error) *cobra.Command {
	opts := &StatsOptions{}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Coverage per document and per GDC objective, with an alignment score",
		Long: `Count, for each Chinese text, how many GDC clauses it aligns with, partly
matches, diverges from or leaves silent, overall and per part of the GDC.

Each GDC clause in scope (chapeaus and footnotes excluded) counts once, by its
strongest record: divergent if any record is, else partial, else aligned, else
silent.

  alignment score = (aligned + ½ × partial) / clauses in scope × 100

so 100 means every GDC clause has an aligned counterpart; divergent and silent
clauses add nothing. The score measures how much of the Compact a text takes
up on the Compact's own terms, not the quality of either text.`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *StatsOptions) error { return statsRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type countsJSON struct {
	Document string `json:"document"`
	compare.Counts
	Score float64 `json:"alignment_score"`
}

func statsRun(f *Factory, opts *StatsOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	st := compare.ComputeStats(ds.Corpus, ds.Mappings, filter)
	doc := &report.Doc{Title: "Coverage and alignment of the GDC in each Chinese text", Meta: reportMeta(ds, &opts.Filters)}
	out := struct {
		metaJSON
		PerDocument []countsJSON `json:"per_document"`
		PerSection  []struct {
			Section string       `json:"section"`
			Counts  []countsJSON `json:"per_document"`
		} `json:"per_section"`
	}{metaJSON: metaJSON{Report: "stats", DataVersion: ds.Version, Filters: filter}, PerDocument: []countsJSON{}}

	t := &report.Table{Columns: []report.Column{{Header: "Document"}, {Header: "Aligned", Weight: 1}, {Header: "Partial", Weight: 1}, {Header: "Divergent", Weight: 1}, {Header: "Silent", Weight: 1}, {Header: "Records"}, {Header: "Score"}}}
	flat := &report.Table{}
	for _, h := range []string{"section", "document", "clauses_in_scope", "aligned", "partial", "divergent", "silent", "records", "alignment_score"} {
		flat.Columns = append(flat.Columns, report.Column{Header: h})
	}
	for j, d := range st.Docs {
		c := st.PerDoc[j]
		t.Rows = append(t.Rows, []report.Text{report.Marked(shortDoc(d.ID), report.MarkBold), countCell(c.Aligned, c.Scope), countCell(c.Partial, c.Scope), countCell(c.Divergent, c.Scope), countCell(c.Silent, c.Scope), report.Plain(fmt.Sprint(c.Records)), report.Marked(fmt.Sprintf("%.1f", c.Score()), report.MarkBold)})
		flat.Rows = append(flat.Rows, countsRow("all", d.ID, c))
		out.PerDocument = append(out.PerDocument, countsJSON{Document: d.ID, Counts: c, Score: round1(c.Score())})
	}
	if len(st.Docs) > 0 {
		doc.Meta = append(doc.Meta, report.Field{Label: "GDC clauses in scope", Value: report.Plain(fmt.Sprint(st.PerDoc[0].Scope))})
	}
	doc.Blocks = append(doc.Blocks, t)

	doc.Blocks = append(doc.Blocks, report.Heading{Text: "By part of the GDC: score (aligned/partial/divergent/silent)"})
	cols := []report.Column{{Header: "Part", Weight: 1}}
	for _, d := range st.Docs {
		cols = append(cols, report.Column{Header: shortDoc(d.ID)})
	}
	ts := &report.Table{Columns: cols}
	for _, s := range st.Sections {
		row := []report.Text{report.Plain(fmt.Sprintf("%s (%d)", s.Section, s.PerDoc[0].Scope))}
		sj := struct {
			Section string       `json:"section"`
			Counts  []countsJSON `json:"per_document"`
		}{Section: s.Section}
		for j, d := range st.Docs {
			c := s.PerDoc[j]
			row = append(row, report.Plain(fmt.Sprintf("%.0f (%d/%d/%d/%d)", c.Score(), c.Aligned, c.Partial, c.Divergent, c.Silent)))
			flat.Rows = append(flat.Rows, countsRow(s.Section, d.ID, c))
			sj.Counts = append(sj.Counts, countsJSON{Document: d.ID, Counts: c, Score: round1(c.Score())})
		}
		ts.Rows = append(ts.Rows, row)
		out.PerSection = append(out.PerSection, sj)
	}
	doc.Blocks = append(doc.Blocks, ts)
	doc.CSV = flat
	doc.Legend = []string{
		"Each GDC clause in scope (chapeaus and footnotes excluded) counts once, by its strongest record: divergent, else partial, else aligned, else silent.",
		"Score = (aligned + ½ × partial) / clauses in scope × 100. Records: curated records, including notable silences.",
		columnsLegend(st.Docs),
	}
	return f.emit(&opts.Out, doc, out)
}

func countCell(n, of int) report.Text {
	if of == 0 {
		return report.Plain("0")
	}
	return report.Plain(fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(of)))
}

func countsRow(section, doc string, c compare.Counts) []report.Text {
	return plainRow(section, doc, fmt.Sprint(c.Scope), fmt.Sprint(c.Aligned), fmt.Sprint(c.Partial), fmt.Sprint(c.Divergent), fmt.Sprint(c.Silent), fmt.Sprint(c.Records), fmt.Sprintf("%.1f", c.Score()))
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }
