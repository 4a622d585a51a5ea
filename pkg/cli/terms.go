package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// TermsOptions are the inputs of `crosswalk terms`.
type TermsOptions struct {
	Terms   []string
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
		Short: "How often each document uses a term (across scripts), or each document's most distinctive terms",
		Long: `With terms: count each term in each document, absolute and per 10,000 Chinese
characters. Matching ignores the difference between Traditional and Simplified
script (数字鸿沟 finds the speech's 數字鴻溝) and between full- and half-width
forms. --kwic lists every occurrence in context with its clause ID.

Without terms: each document's most distinctive character bigrams against all
the other documents together, scored by Dunning's log-likelihood (G²) over
overlapping two-character sequences of Chinese text — no dictionary or word
segmentation needed.`,
		Example: `  crosswalk terms 数字鸿沟 网络主权 多利益攸关方
  crosswalk terms 网络主权 --kwic
  crosswalk terms --top 15`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Terms, opts.topSet = args, cmd.Flags().Changed("top")
			return checkedRunner(opts, &opts.Out, opts.check, runF, func(o *TermsOptions) error { return termsRun(f, o) })(cmd, args)
		},
	}
	cmd.Flags().BoolVar(&opts.KWIC, "kwic", false, "list every occurrence with its context and clause ID")
	cmd.Flags().IntVar(&opts.Context, "context", 8, "--kwic: characters of context on each side")
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
	return f.emit(&opts.Out, view.NewTerms(ctx, opts.Terms, opts.KWIC, opts.Context))
}
