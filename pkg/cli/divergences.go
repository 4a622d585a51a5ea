package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// DivergencesOptions are the inputs of `crosswalk divergences`.
type DivergencesOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdDivergences lists every divergent pair grouped by theme.
func NewCmdDivergences(f *Factory, runF func(*DivergencesOptions) error) *cobra.Command {
	opts := &DivergencesOptions{}
	cmd := &cobra.Command{
		Use:   "divergences",
		Short: "Every divergent pair, by theme, with texts, evidence and note",
		Long: `List every pair the curators marked divergent — same subject, conflicting
position — grouped by theme. Each shows the GDC text and the counterpart text
with the quoted evidence highlighted, and the note naming the conflict.
--lang en shows the English (official where it exists, else crosswalk's
unofficial summary) instead of the Chinese.`,
		Example: `  crosswalk divergences --theme internet-governance
  crosswalk divergences --against cn-position-2024 --format md -o divergences.md`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *DivergencesOptions) error { return divergencesRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func divergencesRun(f *Factory, opts *DivergencesOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewDivergences(ctx))
}
