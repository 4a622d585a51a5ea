package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
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
		Short: "Share of each document given to each theme, with bar charts",
		Long: `Measure the emphasis of each document on each theme, in the manner of the
Manifesto Project's saliency measures: every clause counts for its primary
(first) theme, and a theme's share is its part of the document's clauses or of
its Chinese characters (--by). Salutations, signatures and footnotes are left
out. The terminal view adds a bar chart of each document's leading themes.`,
		Example: `  crosswalk emphasis --top 5
  crosswalk emphasis --format csv -o emphasis.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *EmphasisOptions) error { return emphasisRun(f, o) }),
	}
	cmd.Flags().StringVar(&opts.By, "by", compare.ByChars, "measure shares by Chinese characters or by clauses")
	cmd.Flags().IntVar(&opts.Top, "top", 8, "bar chart: the `N` leading themes of each document")
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTheme|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	addWideFlag(cmd, &opts.Out)
	validate(cmd, oneOf("by", compare.ByChars, compare.ByClauses), intRange("top", 1, 100))
	return cmd
}

func emphasisRun(f *Factory, opts *EmphasisOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewEmphasis(ctx, opts.By, opts.Top))
}
