package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// TermsOptions are the inputs of `crosswalk terms`.
type TermsOptions struct {
	Terms   []string
	KWIC    bool
	Context int
	Top     int
	Out     outputFlags
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
			opts.Terms = args
			if err := opts.Out.check(); err != nil {
				return err
			}
			if opts.KWIC && len(args) == 0 {
				return usageErrorf("--kwic needs at least one term")
			}
			if runF != nil {
				return runF(opts)
			}
			return termsRun(f, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KWIC, "kwic", false, "list every occurrence with its context and clause ID")
	cmd.Flags().IntVar(&opts.Context, "context", 8, "--kwic: characters of context on each side")
	cmd.Flags().IntVar(&opts.Top, "top", 10, "without terms: the `N` most distinctive terms per document")
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func termsRun(f *Factory, opts *TermsOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	c := ds.Corpus
	data := report.Field{Label: "Data", Value: report.Plain(ds.Origin + ", version " + ds.Version)}
	if len(opts.Terms) == 0 {
		return distinctiveRun(f, opts, data)
	}
	counts := analysis.Terms(c, opts.Terms)
	doc := &report.Doc{Title: "Terms: occurrences per document", Meta: []report.Field{data}}
	cols := []report.Column{{Header: "Document"}}
	for _, term := range opts.Terms {
		cols = append(cols, report.Column{Header: term})
	}
	t := &report.Table{Columns: cols}
	flat := &report.Table{Columns: []report.Column{{Header: "document"}, {Header: "term"}, {Header: "count"}, {Header: "han_chars"}, {Header: "per_10k"}}}
	type countJSON struct {
		Document string  `json:"document"`
		Term     string  `json:"term"`
		Count    int     `json:"count"`
		Han      int     `json:"han_chars"`
		Per10k   float64 `json:"per_10k"`
	}
	out := struct {
		Report      string      `json:"report"`
		DataVersion string      `json:"data_version"`
		Counts      []countJSON `json:"counts"`
		KWIC        []kwicJSON  `json:"kwic,omitempty"`
	}{Report: "terms", DataVersion: ds.Version, Counts: []countJSON{}}
	rows := map[string][]report.Text{}
	for _, tc := range counts {
		if rows[tc.Doc] == nil {
			rows[tc.Doc] = []report.Text{report.Marked(shortDoc(tc.Doc), report.MarkBold)}
		}
		cell := report.Marked("·", report.MarkDim)
		if tc.Count > 0 {
			cell = report.Plain(fmt.Sprintf("%d (%.1f)", tc.Count, tc.Per10k))
		}
		rows[tc.Doc] = append(rows[tc.Doc], cell)
		flat.Rows = append(flat.Rows, plainRow(tc.Doc, tc.Term, fmt.Sprint(tc.Count), fmt.Sprint(tc.Han), fmt.Sprintf("%.2f", tc.Per10k)))
		out.Counts = append(out.Counts, countJSON{tc.Doc, tc.Term, tc.Count, tc.Han, tc.Per10k})
	}
	for _, d := range c.Docs {
		t.Rows = append(t.Rows, rows[d.ID])
	}
	doc.Blocks = append(doc.Blocks, t)
	doc.CSV = flat
	if opts.KWIC {
		kt := &report.Table{Columns: []report.Column{{Header: "Clause"}, {Header: "Context", Weight: 1}}}
		kflat := &report.Table{Columns: []report.Column{{Header: "clause"}, {Header: "left"}, {Header: "match"}, {Header: "right"}}}
		for _, term := range opts.Terms {
			for _, l := range analysis.KWIC(c, term, opts.Context) {
				line := report.Plain(l.Left)
				line = append(line, report.Marked(l.Match, report.MarkQuote)...)
				line = append(line, report.Plain(l.Right)...)
				kt.Rows = append(kt.Rows, []report.Text{report.Plain(l.QID), line})
				kflat.Rows = append(kflat.Rows, plainRow(l.QID, l.Left, l.Match, l.Right))
				out.KWIC = append(out.KWIC, kwicJSON{Clause: l.QID, Left: l.Left, Match: l.Match, Right: l.Right})
			}
		}
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("In context (%d)", len(kt.Rows))}, kt)
		doc.CSV = kflat
	}
	doc.Legend = []string{"Cells: occurrences (per 10,000 Chinese characters). Matching folds Traditional to Simplified and full- to half-width; text is shown as written.", columnsLegend(c.Counterparts())}
	return f.emit(&opts.Out, doc, out)
}

// kwicJSON is one occurrence in `terms --kwic --format json`.
type kwicJSON struct {
	Clause string `json:"clause"`
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
}

func distinctiveRun(f *Factory, opts *TermsOptions, data report.Field) error {
	ds, _ := f.Dataset()
	c := ds.Corpus
	scores := analysis.Distinctive(c, opts.Top)
	doc := &report.Doc{Title: "Terms: each document's most distinctive bigrams", Meta: []report.Field{data, {Label: "Method", Value: report.Plain("Dunning log-likelihood (G²) of two-character sequences, each document against all others")}}}
	flat := &report.Table{Columns: []report.Column{{Header: "document"}, {Header: "rank"}, {Header: "term"}, {Header: "count"}, {Header: "count_elsewhere"}, {Header: "g2"}}}
	type termScoreJSON struct {
		Term      string  `json:"term"`
		Count     int     `json:"count"`
		Elsewhere int     `json:"count_elsewhere"`
		G2        float64 `json:"g2"`
	}
	type scoreJSON struct {
		Document string          `json:"document"`
		Terms    []termScoreJSON `json:"terms"`
	}
	out := struct {
		Report      string      `json:"report"`
		DataVersion string      `json:"data_version"`
		Method      string      `json:"method"`
		Documents   []scoreJSON `json:"documents"`
	}{Report: "terms-distinctive", DataVersion: ds.Version, Method: "log-likelihood G2 of Han character bigrams, document vs rest of corpus", Documents: []scoreJSON{}}
	for _, d := range c.Docs {
		doc.Blocks = append(doc.Blocks, report.Heading{Text: d.ID})
		t := &report.Table{Columns: []report.Column{{Header: "#"}, {Header: "Term"}, {Header: "Here"}, {Header: "Elsewhere"}, {Header: "G²"}}}
		for i, s := range scores[d.ID] {
			t.Rows = append(t.Rows, plainRow(fmt.Sprint(i+1), s.Term, fmt.Sprint(s.Count), fmt.Sprint(s.Other), fmt.Sprintf("%.1f", s.G2)))
			flat.Rows = append(flat.Rows, plainRow(d.ID, fmt.Sprint(i+1), s.Term, fmt.Sprint(s.Count), fmt.Sprint(s.Other), fmt.Sprintf("%.2f", s.G2)))
		}
		doc.Blocks = append(doc.Blocks, t)
		sj := scoreJSON{Document: d.ID, Terms: []termScoreJSON{}}
		for _, s := range scores[d.ID] {
			sj.Terms = append(sj.Terms, termScoreJSON{s.Term, s.Count, s.Other, s.G2})
		}
		out.Documents = append(out.Documents, sj)
	}
	doc.CSV = flat
	doc.Legend = []string{"Terms are shown in Simplified script (matching folds Traditional to Simplified). Here/Elsewhere: occurrences in this document and in all others."}
	return f.emit(&opts.Out, doc, out)
}
