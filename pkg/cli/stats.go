package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
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
		Short: "Coverage per document and GDC objective, with alignment scores",
		Long: `Count, for each Chinese text, how many GDC clauses it aligns with, partly
matches, diverges from or leaves silent, overall and per part of the GDC.

Each GDC clause in scope (chapeaus and footnotes excluded) counts once, by its
strongest record: divergent if any record is, else partial, else aligned, else
silent.

  alignment score = (aligned + ½ × partial) / clauses in scope × 100

so 100 means every GDC clause has an aligned counterpart; divergent and silent
clauses add nothing. Clauses nobody has reviewed against a text (no mapping
file, or a draft that has not reached them) are out of scope: counted as not
reviewed, never as silent; with nothing reviewed there is no score (n/a). The score measures how much of the Compact a text takes
up on the Compact's own terms, not the quality of either text.`,
		Example: `  crosswalk stats
  crosswalk stats --objective 3 --format csv -o stats.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *StatsOptions) error { return statsRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func statsRun(f *Factory, opts *StatsOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewStats(ctx))
}
