package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// TermsOptions are the inputs of `crosswalk terms`.
type TermsOptions struct {
	Terms   []string
	Docs    []string
	Exact   bool
	KWIC    bool
	Context int
	Top     int
	Out     outputFlags

	topSet bool
}

// NewCmdTerms counts terms across the documents, or lists distinctive ones.
func NewCmdTerms(f *Factory, runF func(*TermsOptions) error) *cobra.Command {
	opts := &TermsOptions{}
	cmd := &cobra.Command{
		Use:   "terms [TERM...]",
		Short: "Term counts per document across scripts, or distinctive terms",
		Long: `With terms: count each term in each document, absolute and per 10,000 Chinese
characters. Matching ignores the difference between Traditional and Simplified
script (数字鸿沟 finds the speech's 數字鴻溝) and between full- and half-width
forms. A term also finds its wording variants listed in the data (多利益攸关方
finds 多利益相关方, 其他利益攸关方, 多方参与 and 多方) and its parts in
another order (跨境数据流动 finds 数据跨境流动: the term cut into two or
three parts of two or more characters); --exact searches the term alone.
Each count and hit says which form matched and how (exact, variant,
reordered). --kwic lists every occurrence in context with its clause ID and
the GDC clauses that clause is mapped to. --doc limits the search to some
documents.

Without terms: each document's most distinctive character bigrams against all
the other documents together, scored by Dunning's log-likelihood (G²) over
overlapping two-character sequences of Chinese text — no dictionary or word
segmentation needed.`,
		Example: `  crosswalk terms 数字鸿沟 网络主权 多利益攸关方
  crosswalk terms 网络主权 --kwic
  crosswalk terms 多利益攸关方 --kwic --doc speech --doc whitepaper
  crosswalk terms --top 15`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Terms, opts.topSet = args, cmd.Flags().Changed("top")
			return checkedRunner(opts, &opts.Out, opts.check, runF, func(o *TermsOptions) error { return termsRun(f, o) })(cmd, args)
		},
	}
	cmd.Flags().BoolVar(&opts.KWIC, "kwic", false, "list every occurrence with its context and clause ID")
	cmd.Flags().IntVar(&opts.Context, "context", 20, "--kwic: `N` characters of context on each side")
	cmd.Flags().BoolVar(&opts.Exact, "exact", false, "search each term alone, without its wording variants")
	listVar(cmd.Flags(), &opts.Docs, "doc", "search this `DOC` only (repeatable; ID or short name)")
	_ = cmd.RegisterFlagCompletionFunc("doc", completeDocIDs(f, false))
	cmd.Flags().IntVar(&opts.Top, "top", 10, "without terms: the `N` most distinctive terms per document")
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	validate(cmd, intRange("top", 1, 1000), intRange("context", 0, 200), onlyWith("context", "kwic", "true"))
	return cmd
}

// check refuses what depends on the terms given: --kwic needs some, --top
// ranks the distinctive terms listed without them.
func (o *TermsOptions) check() error {
	switch {
	case o.KWIC && len(o.Terms) == 0:
		return usageErrorf("--kwic needs at least one term")
	case o.topSet && len(o.Terms) > 0:
		return usageErrorf("--top applies only without terms (it ranks each document's distinctive terms); with terms, leave it out")
	}
	return nil
}

func termsRun(f *Factory, opts *TermsOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	if len(opts.Terms) == 0 {
		return f.emit(&opts.Out, view.NewDistinctive(ctx, opts.Top))
	}
	var docs []string
	for _, id := range opts.Docs {
		d, err := ctx.Data.Corpus.ResolveDoc(id)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("--doc: %w", err)}
		}
		docs = append(docs, d.ID)
	}
	return f.emit(&opts.Out, view.NewTerms(ctx, opts.Terms, docs, opts.Exact, opts.KWIC, opts.Context))
}
