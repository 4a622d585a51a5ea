package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// SuggestOptions are the inputs of `crosswalk suggest`.
type SuggestOptions struct {
	ID       string
	Against  []string
	Top      int
	Evaluate bool
	Out      outputFlags
}

// NewCmdSuggest proposes candidate counterparts for curators.
func NewCmdSuggest(f *Factory, runF func(*SuggestOptions) error) *cobra.Command {
	opts := &SuggestOptions{}
	cmd := &cobra.Command{
		Use:   "suggest <clause-id> | --evaluate",
		Short: "Candidate counterparts of a clause by text similarity",
		Long: `Rank the clauses of other documents by similarity to a clause: BM25 (k1 = 1.2,
b = 0.75) over overlapping two-character sequences of normalised text, so
Traditional and Simplified script match. Each candidate shows its score, the
character pairs that matched most, and, if the pair is already curated, the
stance of the curated record.

Suggestions are for a curator to read, accept or reject — never records.

--evaluate measures the ranking against the curated mappings: for every GDC
clause with curated counterparts in a document, recall@K and precision@K of
the top K suggestions, averaged per document.`,
		Example: `  crosswalk suggest 27 --against cn-position-2024
  crosswalk suggest cn-africa-2021:6 --top 3
  crosswalk suggest --evaluate --top 5`,
		ValidArgsFunction: completeClauseIDs(f, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.takeArgs(args); err != nil {
				return err
			}
			return runner(opts, &opts.Out, runF, func(o *SuggestOptions) error { return suggestRun(f, o) })(cmd, args)
		},
	}
	listVar(cmd.Flags(), &opts.Against, "against", "rank clauses of this `DOC` only (repeatable)")
	cmd.Flags().IntVar(&opts.Top, "top", 5, "the `K` best candidates per document")
	cmd.Flags().BoolVar(&opts.Evaluate, "evaluate", false, "measure recall and precision at K against the curated mappings")
	_ = cmd.RegisterFlagCompletionFunc("against", completeDocIDs(f, true))
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	validate(cmd, intRange("top", 1, 100), exclusive("evaluate", "against"))
	return cmd
}

// takeArgs checks the clause ID against --evaluate.
func (o *SuggestOptions) takeArgs(args []string) error {
	switch {
	case o.Evaluate && len(args) > 0:
		return usageErrorf("--evaluate takes no clause ID, got %q", args[0])
	case !o.Evaluate && len(args) != 1:
		return usageErrorf("suggest takes one clause ID (or --evaluate); got %d argument%s", len(args), plural(len(args)))
	}
	if len(args) == 1 {
		o.ID = args[0]
	}
	return nil
}

func suggestRun(f *Factory, opts *SuggestOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	if opts.Evaluate {
		v, err := view.NewSuggestEvaluation(ctx, opts.Top)
		if err != nil {
			return err
		}
		return f.emit(&opts.Out, v)
	}
	cl, err := ctx.Data.Corpus.Resolve(opts.ID)
	if err != nil {
		return err
	}
	if _, err := resolveDocs(ctx.Data.Corpus, "against", opts.Against); err != nil {
		return err
	}
	v, err := view.NewSuggest(ctx, cl, opts.Against, opts.Top)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, v)
}
