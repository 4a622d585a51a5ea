package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// DiffOptions are the inputs of `crosswalk diff`.
type DiffOptions struct {
	A, B    string
	MinRun  int
	Timeout time.Duration
	Out     outputFlags
}

// NewCmdDiff compares the wording of two clauses.
func NewCmdDiff(f *Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{}
	cmd := &cobra.Command{
		Use:   "diff <clause-a> <clause-b>",
		Short: "Compare the wording of two clauses: shared phrases and differences",
		Long: `Diff two clauses, from any documents and across scripts (Traditional text is
matched against Simplified after normalisation; the original is shown).
The diff runs sentence by sentence first, then character by character inside
changed sentences. Shared phrases of --min-run characters or more are listed
with the share of each clause they make up. If the diff runs out of time
(--timeout), crosswalk says so; the affected stretch is then shown as
replaced whole rather than diffed in detail.`,
		Example: `  crosswalk diff cn-africa-2021:6 cn-whitepaper-2022:4.4.1
  crosswalk diff cn-speech-2014:1.4 gdc:10 --min-run 6`,
		Args:              exactArgs(2),
		ValidArgsFunction: completeClauseIDs(f, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.A, opts.B = args[0], args[1]
			if err := opts.Out.check(); err != nil {
				return err
			}
			if opts.MinRun < 1 {
				return usageErrorf("--min-run must be at least 1, not %d", opts.MinRun)
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", 4, "list shared phrases of at least `N` characters")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", analysis.DefaultDiffTimeout, "time allowed for the diff")
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

type diffJSON struct {
	Report      string        `json:"report"`
	DataVersion string        `json:"data_version"`
	A           clauseJSON    `json:"a"`
	B           clauseJSON    `json:"b"`
	MinRun      int           `json:"min_run"`
	Segments    []segmentJSON `json:"segments"`
	SharedRuns  []runJSON     `json:"shared_runs"`
	ShareA      float64       `json:"share_a"`
	ShareB      float64       `json:"share_b"`
	TimedOut    bool          `json:"timed_out"`
}

type segmentJSON struct {
	Op string `json:"op"`
	A  string `json:"a,omitempty"`
	B  string `json:"b,omitempty"`
}

type runJSON struct {
	A   string `json:"a"`
	B   string `json:"b"`
	Len int    `json:"length"`
}

func diffRun(f *Factory, opts *DiffOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	a, err := ds.Corpus.Resolve(opts.A)
	if err != nil {
		return err
	}
	b, err := ds.Corpus.Resolve(opts.B)
	if err != nil {
		return err
	}
	res := analysis.Diff(a.Text, b.Text, analysis.DiffOptions{MinRun: opts.MinRun, Timeout: opts.Timeout})
	if res.TimedOut {
		f.IO.Errorf("crosswalk: the diff hit its %s time limit; some changed stretches are shown as replaced whole (raise --timeout)\n", opts.Timeout)
	}

	out := diffJSON{Report: "diff", DataVersion: ds.Version, A: toClauseJSON(a), B: toClauseJSON(b), MinRun: opts.MinRun, Segments: []segmentJSON{}, SharedRuns: []runJSON{}, ShareA: res.ShareA, ShareB: res.ShareB, TimedOut: res.TimedOut}
	var inline report.Text
	for _, s := range res.Segments {
		out.Segments = append(out.Segments, segmentJSON{Op: s.Op.String(), A: s.A, B: s.B})
		switch s.Op {
		case analysis.Equal:
			m := report.MarkNone
			if len([]rune(s.A)) >= opts.MinRun {
				m = report.MarkQuote
			}
			inline = append(inline, report.Seg{Text: s.A, Mark: m})
		case analysis.Delete:
			inline = append(inline, report.Seg{Text: s.A, Mark: report.MarkDelete})
		case analysis.Insert:
			inline = append(inline, report.Seg{Text: s.B, Mark: report.MarkInsert})
		}
	}
	doc := &report.Doc{
		Title: fmt.Sprintf("Diff: %s → %s", a.QID(), b.QID()),
		Meta: []report.Field{
			{Label: "A", Value: report.Plain(fmt.Sprintf("%s (%s, %s)", a.QID(), a.Doc.Date, a.Doc.Language))},
			{Label: "B", Value: report.Plain(fmt.Sprintf("%s (%s, %s)", b.QID(), b.Doc.Date, b.Doc.Language))},
			{Label: "Shared", Value: report.Plain(fmt.Sprintf("%.0f%% of A and %.0f%% of B in phrases of %d+ characters", 100*res.ShareA, 100*res.ShareB, opts.MinRun))},
		},
	}
	if res.TimedOut {
		doc.Meta = append(doc.Meta, report.Field{Label: "Warning", Value: report.Marked("the diff hit its time limit; some changes are shown as replaced whole", report.MarkDivergent)})
	}
	doc.Blocks = append(doc.Blocks, report.Heading{Text: "A with the changes that make B"}, report.Para{Text: inline})
	t := &report.Table{Columns: []report.Column{{Header: "Chars"}, {Header: "Shared phrase in A", Weight: 1}, {Header: "in B", Weight: 1}}}
	for _, r := range res.SharedRuns {
		bText := ""
		if r.B != r.A {
			bText = r.B // only shown when the scripts differ
		}
		t.Rows = append(t.Rows, []report.Text{report.Plain(fmt.Sprint(r.Len)), report.Plain(r.A), report.Plain(bText)})
		out.SharedRuns = append(out.SharedRuns, runJSON{A: r.A, B: r.B, Len: r.Len})
	}
	doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("Shared phrases of %d+ characters (%d)", opts.MinRun, len(res.SharedRuns))})
	if len(res.SharedRuns) > 0 {
		doc.Blocks = append(doc.Blocks, t)
	} else {
		doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("None.")})
	}
	doc.Legend = []string{diffLegend(f, &opts.Out), "Matching ignores the difference between Traditional and Simplified script and full- and half-width forms; text is shown as written."}
	return f.emit(&opts.Out, doc, out)
}

func diffLegend(f *Factory, o *outputFlags) string {
	switch {
	case o.Format == "md":
		return "~~struck~~: only in A; <ins>underlined</ins>: only in B; **bold**: shared phrase."
	case o.Format == "table" && o.Output == "" && f.IO.ColorEnabled():
		return "Red struck through: only in A; green underlined: only in B; bold underlined: shared phrase."
	}
	return "[-…-] only in A; {+…+} only in B; ⟦…⟧ shared phrase."
}
