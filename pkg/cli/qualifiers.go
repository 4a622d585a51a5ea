package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// QualifiersOptions are the inputs of `crosswalk qualifiers`.
type QualifiersOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdQualifiers counts the qualifiers per document.
func NewCmdQualifiers(f *Factory, runF func(*QualifiersOptions) error) *cobra.Command {
	opts := &QualifiersOptions{}
	cmd := &cobra.Command{
		Use:   "qualifiers",
		Short: "How often each text narrows or conditions what it takes up",
		Long: `Count, for each Chinese text in date order, the partial and divergent
records that carry each qualifier — a sovereignty precondition, domestic law,
national conditions, a weaker modality, a narrower reach … (the vocabulary is
mappings/qualifiers.yaml) — then list the records behind each count with the
target's words that carry it. Shares are of the text's partial and divergent
records that pass the filters. --qualifier narrows to one or more qualifiers;
the same flag filters every report. CSV gives one row per qualifier and record;
--wide gives the counts and shares.`,
		Example: `  crosswalk qualifiers
  crosswalk qualifiers --qualifier sovereignty-precondition --format md
  crosswalk qualifiers --theme data --format csv --wide`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *QualifiersOptions) error { return qualifiersRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fStance|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	addWideFlag(cmd, &opts.Out)
	return cmd
}

func qualifiersRun(f *Factory, opts *QualifiersOptions) error {
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewQualifiers(ctx))
}
