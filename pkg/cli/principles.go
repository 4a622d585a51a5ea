package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// PrinciplesOptions are the inputs of `crosswalk principles`.
type PrinciplesOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdPrinciples sets the GDC's principles against each text's own.
func NewCmdPrinciples(f *Factory, runF func(*PrinciplesOptions) error) *cobra.Command {
	opts := &PrinciplesOptions{}
	cmd := &cobra.Command{
		Use:   "principles",
		Short: "The GDC's principles 8(a)–(m) against each text's principles",
		Long: `For each Chinese text, a stance matrix: rows are the GDC's thirteen principles
(paragraph 8(a)–(m)), columns are the principles the text states for itself —
the 2024 paper's four basic principles, the white paper's four, the China-Africa
initiative's four pillars and the 2014 speech's four. "Elsewhere" lists
counterparts of a GDC principle outside the text's principles.`,
		Example: `  crosswalk principles --against cn-position-2024
  crosswalk principles --format md -o principles.md`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *PrinciplesOptions) error { return principlesRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fTheme|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func principlesRun(f *Factory, opts *PrinciplesOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewPrinciples(ctx))
}
