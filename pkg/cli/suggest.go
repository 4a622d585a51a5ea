package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
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
		Short: "Candidate counterparts of a clause, ranked by text similarity, for curators",
		Long: `Rank the clauses of other documents by similarity to a clause: BM25 (k1 = 1.2,
b = 0.75) over overlapping two-character sequences of normalised text, so
Traditional and Simplified script match. Each candidate shows its score, the
character pairs that matched most, and ✓ if the pair is already curated.

Suggestions are for a curator to read, accept or reject — never records.

--evaluate measures the ranking against the curated mappings: for every GDC
clause with curated counterparts in a document, recall@K and precision@K of
the top K suggestions, averaged per document.`,
		Example: `  crosswalk suggest 27 --against cn-position-2024
  crosswalk suggest cn-africa-2021:6 --top 3
  crosswalk suggest --evaluate --top 5`,
		ValidArgsFunction: completeClauseIDs(f, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.Evaluate && len(args) > 0:
				return usageErrorf("--evaluate takes no clause ID")
			case !opts.Evaluate && len(args) != 1:
				return usageErrorf("suggest needs one clause ID (or --evaluate)")
			case opts.Top < 1:
				return usageErrorf("--top must be at least 1, not %d", opts.Top)
			}
			if len(args) == 1 {
				opts.ID = args[0]
			}
			if err := opts.Out.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Evaluate {
				return evaluateRun(f, opts)
			}
			return suggestRun(f, opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.Against, "against", nil, "rank clauses of this `DOC` only (repeatable)")
	cmd.Flags().IntVar(&opts.Top, "top", 5, "the `K` best candidates per document")
	cmd.Flags().BoolVar(&opts.Evaluate, "evaluate", false, "measure recall and precision at K against the curated mappings")
	_ = cmd.RegisterFlagCompletionFunc("against", completeDocIDs(f))
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type suggestionJSON struct {
	Clause    string   `json:"clause"`
	Score     float64  `json:"score"`
	Matched   []string `json:"matched"`
	Curated   bool     `json:"curated"`
	SummaryEn string   `json:"summary_en"`
}

func suggestRun(f *Factory, opts *SuggestOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	cl, err := ds.Corpus.Resolve(opts.ID)
	if err != nil {
		return err
	}
	for _, id := range opts.Against {
		if _, err := ds.Corpus.ResolveDoc(id); err != nil {
			return &UsageError{Err: err}
		}
	}
	sugg, err := analysis.Suggest(ds.Corpus, cl, opts.Against, opts.Top)
	if err != nil {
		return err
	}
	curated := map[string]bool{}
	for _, r := range ds.Mappings.Records() {
		curated[r.SourceQID()+" "+r.TargetQID()] = true
	}
	isCurated := func(other string) bool {
		return curated[cl.QID()+" "+other] || curated[other+" "+cl.QID()]
	}
	doc := &report.Doc{
		Title: "Suggestions for " + cl.QID(),
		Meta: []report.Field{
			{Label: "Clause", Value: report.Plain(oneLine(cl.SummaryEn, 200))},
			{Label: "Method", Value: report.Plain("BM25 over character bigrams of normalised text; scores compare within a document only")},
		},
	}
	t := &report.Table{Columns: []report.Column{{Header: "Candidate"}, {Header: "Score"}, {Header: "Cur."}, {Header: "Matched", Weight: 1}, {Header: "Summary (unofficial)", Weight: 2}}}
	flat := &report.Table{Columns: []report.Column{{Header: "clause"}, {Header: "candidate"}, {Header: "score"}, {Header: "curated"}, {Header: "matched"}}}
	out := struct {
		Report      string           `json:"report"`
		DataVersion string           `json:"data_version"`
		Clause      string           `json:"clause"`
		Suggestions []suggestionJSON `json:"suggestions"`
	}{Report: "suggest", DataVersion: ds.Version, Clause: cl.QID(), Suggestions: []suggestionJSON{}}
	for _, s := range sugg {
		q := s.Clause.QID()
		mark := report.Plain("")
		if isCurated(q) {
			mark = report.Marked("✓", report.MarkAligned)
		}
		t.Rows = append(t.Rows, []report.Text{report.Marked(q, report.MarkBold), report.Plain(fmt.Sprintf("%.2f", s.Score)), mark, report.Plain(strings.Join(s.Matched, " ")), report.Plain(oneLine(s.Clause.SummaryEn, 90))})
		flat.Rows = append(flat.Rows, plainRow(cl.QID(), q, fmt.Sprintf("%.4f", s.Score), fmt.Sprint(isCurated(q)), strings.Join(s.Matched, " ")))
		out.Suggestions = append(out.Suggestions, suggestionJSON{Clause: q, Score: s.Score, Matched: s.Matched, Curated: isCurated(q), SummaryEn: s.Clause.SummaryEn})
	}
	if len(sugg) == 0 {
		doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("No clause shares any character pair with this one.")})
	} else {
		doc.Blocks = append(doc.Blocks, t)
	}
	doc.CSV = flat
	doc.Legend = []string{"Cur. ✓: the pair is already a curated record. Matched: the character pairs that weigh most in the score (normalised to Simplified).", "Suggestions are leads for a curator to read, not mappings."}
	return f.emit(&opts.Out, doc, out)
}

func evaluateRun(f *Factory, opts *SuggestOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	var pairs []analysis.Pair
	for _, r := range ds.Mappings.Records() {
		if r.Target != "" {
			pairs = append(pairs, analysis.Pair{Source: r.SourceQID(), Target: r.TargetQID()})
		}
	}
	evals, err := analysis.Evaluate(ds.Corpus, pairs, opts.Top)
	if err != nil {
		return err
	}
	k := fmt.Sprint(opts.Top)
	doc := &report.Doc{
		Title: "Suggestion quality against the curated mappings",
		Meta: []report.Field{
			{Label: "Method", Value: report.Plain("each GDC clause with curated counterparts queries the document; recall and precision at " + k + ", averaged over those clauses")},
			{Label: "Data", Value: report.Plain(ds.Origin + ", version " + ds.Version)},
		},
	}
	t := &report.Table{Columns: []report.Column{{Header: "Document"}, {Header: "Queries"}, {Header: "Curated pairs"}, {Header: "Found in top " + k}, {Header: "Recall@" + k}, {Header: "Precision@" + k}}}
	flat := &report.Table{Columns: []report.Column{{Header: "document"}, {Header: "k"}, {Header: "queries"}, {Header: "relevant"}, {Header: "hits"}, {Header: "recall"}, {Header: "precision"}}}
	type evalJSON struct {
		Document  string  `json:"document"`
		K         int     `json:"k"`
		Queries   int     `json:"queries"`
		Relevant  int     `json:"relevant"`
		Hits      int     `json:"hits"`
		Recall    float64 `json:"recall"`
		Precision float64 `json:"precision"`
	}
	out := struct {
		Report      string     `json:"report"`
		DataVersion string     `json:"data_version"`
		Evaluations []evalJSON `json:"evaluations"`
	}{Report: "suggest-evaluate", DataVersion: ds.Version, Evaluations: []evalJSON{}}
	for _, e := range evals {
		t.Rows = append(t.Rows, plainRow(e.Doc, fmt.Sprint(e.Queries), fmt.Sprint(e.Relevant), fmt.Sprint(e.Hits), fmt.Sprintf("%.2f", e.Recall), fmt.Sprintf("%.2f", e.Precision)))
		flat.Rows = append(flat.Rows, plainRow(e.Doc, k, fmt.Sprint(e.Queries), fmt.Sprint(e.Relevant), fmt.Sprint(e.Hits), fmt.Sprintf("%.4f", e.Recall), fmt.Sprintf("%.4f", e.Precision)))
		out.Evaluations = append(out.Evaluations, evalJSON{e.Doc, e.K, e.Queries, e.Relevant, e.Hits, e.Recall, e.Precision})
	}
	doc.Blocks = append(doc.Blocks, t)
	doc.CSV = flat
	doc.Legend = []string{"Recall@K: share of a clause's curated counterparts found among its top K suggestions. Precision@K: share of the K suggestions that are curated counterparts (divided by K)."}
	return f.emit(&opts.Out, doc, out)
}
