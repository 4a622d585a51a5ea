package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// EvolutionOptions are the inputs of `crosswalk evolution`.
type EvolutionOptions struct {
	ID      string
	Changed bool
	Filters filterFlags
	Out     outputFlags
}

// NewCmdEvolution shows how the texts took up GDC clauses over time.
func NewCmdEvolution(f *Factory, runF func(*EvolutionOptions) error) *cobra.Command {
	opts := &EvolutionOptions{}
	cmd := &cobra.Command{
		Use:   "evolution [GDC-CLAUSE]",
		Short: "Change over time: each text's stance on a GDC clause, by date",
		Long: `Show, for one GDC clause or every clause the filters select (a theme or
set of themes, an objective), each Chinese text's stance in date order with
its counterparts' quoted words in the original script and their qualifiers,
and mark where the stance or a qualifier changed from one text to the next
(partial in 2014, divergent in 2024). A step whose quoted words already
appear in an earlier text's counterpart says so: a change there can come
from how a reused formula was coded rather than from new wording. Several
clauses open with a count of stances per text; --changed keeps only the
clauses whose position moved: texts that take the clause up do so with
different stances (a text's first taking it up, or different qualifiers,
does not count).`,
		Example: `  crosswalk evolution 27
  crosswalk evolution --theme governance --changed --format md
  crosswalk evolution --theme data --format csv -o data-over-time.csv`,
		Args: cobra.MaximumNArgs(1),
		PreRunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return nil
		},
		RunE: runner(opts, &opts.Out, runF, func(o *EvolutionOptions) error { return evolutionRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fKind|fConfidence|fQualifier)
	cmd.Flags().BoolVar(&opts.Changed, "changed", false, "only clauses taken up with different stances by different texts")
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func evolutionRun(f *Factory, opts *EvolutionOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	clause := ""
	if opts.ID != "" {
		cl, err := ctx.Data.Corpus.Resolve(opts.ID)
		if err != nil {
			return err
		}
		if cl.Doc.ID != corpus.ReferenceID || !cl.Mapped() {
			return usageErrorf("%s is not a mapped GDC clause: evolution follows a GDC clause through the Chinese texts (for a Chinese clause, try 'crosswalk show %s')", cl.QID(), cl.QID())
		}
		clause = cl.QID()
	}
	return f.emit(&opts.Out, view.NewEvolution(ctx, clause, opts.Changed))
}
