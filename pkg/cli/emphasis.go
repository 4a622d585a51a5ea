package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// EmphasisOptions are the inputs of `crosswalk emphasis`.
type EmphasisOptions struct {
	Filters filterFlags
	Out     outputFlags
	By      string
	Top     int
}

// NewCmdEmphasis measures how much of each document each theme takes.
func NewCmdEmphasis(f *Factory, runF func(*EmphasisOptions) error) *cobra.Command {
	opts := &EmphasisOptions{}
	cmd := &cobra.Command{
		Use:   "emphasis",
		Short: "Share of each document given to each theme, as a table and bar charts",
		Long: `Measure the emphasis of each document on each theme, in the manner of the
Manifesto Project's saliency measures: every clause counts for its primary
(first) theme, and a theme's share is its part of the document's clauses or of
its Chinese characters (--by). Salutations, signatures and footnotes are left
out. The terminal view adds a bar chart of each document's leading themes.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Out.check(); err != nil {
				return err
			}
			if opts.By != "chars" && opts.By != "clauses" {
				return usageErrorf("--by must be chars or clauses, not %q", opts.By)
			}
			if runF != nil {
				return runF(opts)
			}
			return emphasisRun(f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.By, "by", "chars", "measure shares by Chinese characters (chars) or by clauses")
	cmd.Flags().IntVar(&opts.Top, "top", 8, "bar chart: the `N` leading themes of each document")
	_ = cmd.RegisterFlagCompletionFunc("by", fixedCompletion("chars", "clauses"))
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTheme|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type emphasisRowJSON struct {
	Theme   string          `json:"theme"`
	ThemeEn string          `json:"theme_en"`
	Shares  []compare.Share `json:"shares"`
}

func emphasisRun(f *Factory, opts *EmphasisOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	e := compare.ComputeEmphasis(ds.Corpus, filter)
	share := func(s compare.Share) float64 {
		if opts.By == "clauses" {
			return s.ClauseShare
		}
		return s.CharShare
	}
	meta := append(reportMeta(ds, &opts.Filters), report.Field{Label: "Measure", Value: report.Plain("share of " + map[string]string{"chars": "Chinese characters", "clauses": "clauses"}[opts.By] + ", primary theme of each clause")})
	doc := &report.Doc{Title: "Emphasis: the share of each document given to each theme", Meta: meta}

	cols := []report.Column{{Header: "Theme", Weight: 1}}
	flat := &report.Table{Columns: []report.Column{{Header: "theme"}, {Header: "theme_en"}}}
	for _, d := range e.Docs {
		cols = append(cols, report.Column{Header: shortDoc(d.ID)})
		flat.Columns = append(flat.Columns, report.Column{Header: d.ID + "_clauses"}, report.Column{Header: d.ID + "_chars"}, report.Column{Header: d.ID + "_clause_share"}, report.Column{Header: d.ID + "_char_share"})
	}
	t := &report.Table{Columns: cols}
	out := struct {
		metaJSON
		Documents []string          `json:"documents"`
		Totals    []compare.Share   `json:"totals"`
		Rows      []emphasisRowJSON `json:"rows"`
	}{metaJSON: metaJSON{Report: "emphasis", DataVersion: ds.Version, Filters: filter}, Totals: e.Totals, Rows: []emphasisRowJSON{}}
	for _, d := range e.Docs {
		out.Documents = append(out.Documents, d.ID)
	}
	for _, row := range e.Rows {
		cells := []report.Text{report.Plain(row.Theme.Key)}
		fr := []string{row.Theme.Key, row.Theme.En}
		for _, s := range row.Cells {
			cells = append(cells, percentCell(share(s)))
			fr = append(fr, fmt.Sprint(s.Clauses), fmt.Sprint(s.Chars), fmt.Sprintf("%.1f", s.ClauseShare), fmt.Sprintf("%.1f", s.CharShare))
		}
		t.Rows = append(t.Rows, cells)
		flat.Rows = append(flat.Rows, plainRow(fr...))
		out.Rows = append(out.Rows, emphasisRowJSON{Theme: row.Theme.Key, ThemeEn: row.Theme.En, Shares: row.Cells})
	}
	doc.CSV = flat
	doc.Blocks = append(doc.Blocks, t)

	// Bar charts only help a person at a terminal or reading Markdown.
	if opts.Out.Format == "table" || opts.Out.Format == "md" {
		for j, d := range e.Docs {
			doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("%s — leading themes", d.ID)})
			type item struct {
				key string
				v   float64
			}
			var items []item
			for _, row := range e.Rows {
				if v := share(row.Cells[j]); v > 0 {
					items = append(items, item{row.Theme.Key, v})
				}
			}
			sort.SliceStable(items, func(a, b int) bool { return items[a].v > items[b].v })
			if len(items) > opts.Top {
				items = items[:opts.Top]
			}
			bt := &report.Table{Columns: []report.Column{{Header: "Theme"}, {Header: "Share"}, {Header: ""}}}
			for _, it := range items {
				bt.Rows = append(bt.Rows, []report.Text{report.Plain(it.key), percentCell(it.v), report.Plain(bar(it.v, 30, opts.Out.ASCII))})
			}
			doc.Blocks = append(doc.Blocks, bt)
		}
	}
	doc.Legend = []string{"Shares are percentages of each document; each clause counts once, for its primary theme (see mappings/themes.yaml).", columnsLegend(e.Docs)}
	return f.emit(&opts.Out, doc, out)
}

func percentCell(v float64) report.Text {
	if v == 0 {
		return report.Marked("·", report.MarkDim)
	}
	return report.Plain(fmt.Sprintf("%.1f%%", v))
}

// bar draws v% as a bar where width cells stand for 50%, in eighths of a cell.
func bar(v float64, width int, ascii bool) string {
	eighths := int(v/50*float64(width)*8 + 0.5)
	if eighths > width*8 {
		eighths = width * 8
	}
	if ascii {
		return strings.Repeat("#", (eighths+4)/8)
	}
	parts := []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
	return strings.Repeat("█", eighths/8) + parts[eighths%8]
}
