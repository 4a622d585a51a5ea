package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
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
		Short: "Compare two clauses' wording: shared phrases and differences",
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
			return runner(opts, &opts.Out, runF, func(o *DiffOptions) error { return diffRun(f, o) })(cmd, args)
		},
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", 4, "list shared phrases of at least `N` characters")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", analysis.DefaultDiffTimeout, "time allowed for the diff")
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	validate(cmd, intRange("min-run", 1, 1000), durationRange("timeout", time.Nanosecond, 5*time.Minute))
	return cmd
}

// checkedRunner is runner with a check of the command's own flags after
// the output flags and before the test hook or the run.
func checkedRunner[O any](opts *O, out *outputFlags, check func() error, runF, run func(*O) error) func(*cobra.Command, []string) error {
	return runner(opts, out, nil, func(o *O) error {
		if err := check(); err != nil {
			return err
		}
		if runF != nil {
			return runF(o)
		}
		return run(o)
	})
}

func diffRun(f *Factory, opts *DiffOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	a, err := ctx.Data.Corpus.Resolve(opts.A)
	if err != nil {
		return err
	}
	b, err := ctx.Data.Corpus.Resolve(opts.B)
	if err != nil {
		return err
	}
	v := view.NewDiff(ctx, a, b, analysis.DiffOptions{MinRun: opts.MinRun, Timeout: opts.Timeout})
	if v.TimedOut {
		f.IO.Errorf("crosswalk: %s\n", v.TimeoutNotice())
	}
	return f.emit(&opts.Out, v)
}
