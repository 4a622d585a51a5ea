package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// CompareOptions are the inputs of `crosswalk compare`.
type CompareOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdCompare prints the alignment matrix.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{}
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Alignment matrix: GDC clauses against each Chinese text",
		Long: `Print one row per GDC clause and one column per Chinese text, ordered by
date (2014 speech → 2024 position paper). Each cell lists the counterpart
clauses with their stance: ✓ aligned, ◐ partial, ✗ divergent; · means the
document was reviewed and has no counterpart (·! marks a silence the curators
recorded as notable); ? means nobody has reviewed the clause against the
document yet (no mapping file, or a draft that has not reached it), which is
never a silence. Reading a row left to right shows how the position moved
from 2014 to 2024.`,
		Example: `  crosswalk compare --objective 3
  crosswalk compare --against cn-position-2024 --stance divergent
  crosswalk compare --format csv -o matrix.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *CompareOptions) error { return compareRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fStance|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	addWideFlag(cmd, &opts.Out)
	return cmd
}

func compareRun(f *Factory, opts *CompareOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewCompare(ctx))
}
