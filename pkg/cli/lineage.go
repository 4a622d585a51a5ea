package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// LineageOptions are the inputs of `crosswalk lineage`.
type LineageOptions struct {
	Docs   []string
	MinRun int
	Out    outputFlags
}

// NewCmdLineage finds formulations reused from one document in another.
func NewCmdLineage(f *Factory, runF func(*LineageOptions) error) *cobra.Command {
	opts := &LineageOptions{}
	cmd := &cobra.Command{
		Use:   "lineage",
		Short: "Reused formulations: clause pairs in different documents sharing a long run of text",
		Long: `List pairs of clauses in different documents that share a run of at least
--min-run characters after normalisation (Traditional and Simplified script
match), older document first, with the shared runs and the share of each
clause they make up. Candidates come from an index of every run of that
length, so no pair is compared unless it shares one.`,
		Example: `  crosswalk lineage
  crosswalk lineage --doc cn-africa-2021 --doc cn-whitepaper-2022 --min-run 20`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Out.check(); err != nil {
				return err
			}
			if opts.MinRun < 2 {
				return usageErrorf("--min-run must be at least 2, not %d", opts.MinRun)
			}
			if runF != nil {
				return runF(opts)
			}
			return lineageRun(f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", analysis.DefaultMinRun, "shortest shared run, in `N` characters")
	cmd.Flags().StringSliceVar(&opts.Docs, "doc", nil, "only these documents (repeatable; default all)")
	_ = cmd.RegisterFlagCompletionFunc("doc", completeDocIDs(f))
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type lineageJSON struct {
	A       string    `json:"a"`
	B       string    `json:"b"`
	ADate   string    `json:"a_date"`
	BDate   string    `json:"b_date"`
	Longest int       `json:"longest_run"`
	ShareA  float64   `json:"share_a"`
	ShareB  float64   `json:"share_b"`
	Runs    []runJSON `json:"runs"`
}

func lineageRun(f *Factory, opts *LineageOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	docs := ds.Corpus.Docs
	if len(opts.Docs) > 0 {
		docs = nil
		for _, id := range opts.Docs {
			d, err := ds.Corpus.ResolveDoc(id)
			if err != nil {
				return &UsageError{Err: err}
			}
			docs = append(docs, d)
		}
	}
	pairs := analysis.Lineage(docs, opts.MinRun)
	meta := []report.Field{
		{Label: "Documents", Value: report.Plain(strings.Join(docIDs(docs), ", "))},
		{Label: "Shortest run", Value: report.Plain(fmt.Sprintf("%d characters", opts.MinRun))},
		{Label: "Pairs", Value: report.Plain(fmt.Sprint(len(pairs)))},
		{Label: "Data", Value: report.Plain(ds.Origin + ", version " + ds.Version)},
	}
	doc := &report.Doc{Title: "Lineage: formulations reused from one document in another", Meta: meta}
	t := &report.Table{Columns: []report.Column{{Header: "Older → newer"}, {Header: "Share"}, {Header: "Shared runs (as in the older text)", Weight: 1}}}
	flat := &report.Table{}
	for _, h := range []string{"a", "b", "a_date", "b_date", "longest_run", "share_a", "share_b", "runs"} {
		flat.Columns = append(flat.Columns, report.Column{Header: h})
	}
	out := struct {
		Report      string        `json:"report"`
		DataVersion string        `json:"data_version"`
		MinRun      int           `json:"min_run"`
		Pairs       []lineageJSON `json:"pairs"`
	}{Report: "lineage", DataVersion: ds.Version, MinRun: opts.MinRun, Pairs: []lineageJSON{}}
	for _, p := range pairs {
		var runs []string
		lj := lineageJSON{A: p.A.QID(), B: p.B.QID(), ADate: p.A.Doc.Date, BDate: p.B.Doc.Date, ShareA: p.ShareA, ShareB: p.ShareB}
		for _, r := range p.Runs {
			runs = append(runs, r.A)
			lj.Longest = max(lj.Longest, r.Len)
			lj.Runs = append(lj.Runs, runJSON{A: r.A, B: r.B, Len: r.Len})
		}
		ids := report.Marked(p.A.QID(), report.MarkBold)
		ids = append(ids, report.Plain("\n→ ")...)
		ids = append(ids, report.Marked(p.B.QID(), report.MarkBold)...)
		share := report.Plain(fmt.Sprintf("%.0f%% of A\n%.0f%% of B", 100*p.ShareA, 100*p.ShareB))
		t.Rows = append(t.Rows, []report.Text{ids, share, report.Plain(strings.Join(runs, "\n"))})
		flat.Rows = append(flat.Rows, plainRow(lj.A, lj.B, lj.ADate, lj.BDate, fmt.Sprint(lj.Longest), fmt.Sprintf("%.3f", p.ShareA), fmt.Sprintf("%.3f", p.ShareB), strings.Join(runs, " | ")))
		out.Pairs = append(out.Pairs, lj)
	}
	if len(pairs) == 0 {
		doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("No clauses in different documents share a run this long.")})
	} else {
		doc.Blocks = append(doc.Blocks, t)
	}
	doc.CSV = flat
	doc.Legend = []string{"Share: the part of each clause covered by the shared runs. `crosswalk diff A B` shows a pair in full."}
	return f.emit(&opts.Out, doc, out)
}

func docIDs(docs []*corpus.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}
