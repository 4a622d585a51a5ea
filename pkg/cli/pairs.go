package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// PairsOptions are the inputs of `crosswalk pairs`.
type PairsOptions struct {
	Filters filterFlags
	By      string
	Out     outputFlags
}

// NewCmdPairs lists every record that passes the filters with both texts.
func NewCmdPairs(f *Factory, runF func(*PairsOptions) error) *cobra.Command {
	opts := &PairsOptions{}
	cmd := &cobra.Command{
		Use:   "pairs",
		Short: "Every record that passes the filters, with texts, evidence, note",
		Long: `List every curated record that passes the filters, grouped by GDC clause
(--by target: by Chinese clause): the clause once, then each counterpart with
its text, the quoted evidence on both sides, the stance in words, the
relationship, the confidence and the curators' note. --stance silent adds the
reviewed silences with their reasons. The Markdown is written to be pasted
into a briefing; --lang en gives the English (official where the source has
one, else crosswalk's unofficial summary) in place of the Chinese.`,
		Example: `  crosswalk pairs --theme ai-governance --against position --format md
  crosswalk pairs --objective 3 --stance divergent --stance silent
  crosswalk pairs --by target --against speech --format csv -o speech.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *PairsOptions) error { return pairsRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fStance|fKind|fConfidence|fQualifier)
	cmd.Flags().StringVar(&opts.By, "by", view.ByGDC, "group by `CLAUSE`: gdc or target")
	_ = cmd.RegisterFlagCompletionFunc("by", fixedCompletion(view.ByGDC, view.ByTarget))
	validate(cmd, oneOf("by", view.ByGDC, view.ByTarget))
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func pairsRun(f *Factory, opts *PairsOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewPairs(ctx, opts.By))
}
