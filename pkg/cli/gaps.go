package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// GapsOptions are the inputs of `crosswalk gaps`.
type GapsOptions struct {
	Filters filterFlags
	Out     outputFlags
	Side    string
	InAll   bool
}

// NewCmdGaps reports silences both ways.
func NewCmdGaps(f *Factory, runF func(*GapsOptions) error) *cobra.Command {
	opts := &GapsOptions{}
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "Silences both ways: GDC clauses and Chinese positions unmatched",
		Long: `Report what each side says that the other never takes up, grouped by theme:

  GDC side: GDC clauses with no counterpart in a document (or, with --in-all,
            in any of them), with the curators' note where they recorded the
            silence as notable.
  CN side:  clauses of the Chinese texts that no GDC clause maps to — positions
            such as cyber sovereignty that the Compact does not take up.

Chapeaus, salutations and signatures are left out unless --kind asks for them.
Use --kind to keep only positions (e.g. --kind proposal --kind principle) and
leave out the white paper's descriptions of China's own practice.`,
		Example: `  crosswalk gaps --side cn --kind proposal --kind principle
  crosswalk gaps --side gdc --in-all --objective 3`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *GapsOptions) error { return gapsRun(f, o) }),
	}
	cmd.Flags().StringVar(&opts.Side, "side", view.SideBoth, "which side's silences")
	cmd.Flags().BoolVar(&opts.InAll, "in-all", false, "GDC side: only clauses silent in every compared document")
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	validate(cmd, oneOf("side", view.SideBoth, view.SideGDC, view.SideCN), onlyWith("in-all", "side", view.SideGDC, view.SideBoth))
	return cmd
}

func gapsRun(f *Factory, opts *GapsOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewGaps(ctx, opts.Side, opts.InAll))
}
