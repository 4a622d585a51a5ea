package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Suggest ranks candidate counterparts of a clause for curators.
type Suggest struct {
	dataHeader
	Clause      string       `json:"clause"`
	Suggestions []Suggestion `json:"suggestions"`

	clause *corpus.Clause
}

// Suggestion is one candidate counterpart.
type Suggestion struct {
	Clause    string   `json:"clause"`
	Score     float64  `json:"score"`
	Matched   []string `json:"matched"`
	Curated   bool     `json:"curated"`
	SummaryEn string   `json:"summary_en"`

	stance string // of the curated record, if any
}

// NewSuggest ranks the clauses of the against documents (all others if
// none) by similarity to cl, the best k per document.
func NewSuggest(c Context, cl *corpus.Clause, against []string, k int) (*Suggest, error) {
	sugg, err := analysis.Suggest(c.Data.Corpus, cl, against, k)
	if err != nil {
		return nil, err
	}
	v := &Suggest{dataHeader: c.dataHeader("suggest"), Clause: cl.QID(), Suggestions: []Suggestion{}, clause: cl}
	for _, s := range sugg {
		sv := Suggestion{Clause: s.Clause.QID(), Score: s.Score, Matched: nonNil(s.Matched), SummaryEn: s.Clause.SummaryEn}
		if r := c.Data.Mappings.Between(cl.QID(), sv.Clause); r != nil {
			sv.Curated, sv.stance = true, r.Stance
		}
		v.Suggestions = append(v.Suggestions, sv)
	}
	return v, nil
}

// Doc is the ranked candidates with their matched character pairs.
func (v *Suggest) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Suggestions for " + v.Clause,
		Meta: []report.Field{
			{Label: "Clause", Value: report.Plain(v.clause.SummaryEn)},
			{Label: "Method", Value: report.Plain("BM25 over character bigrams of normalised text; scores compare within a document only")},
			v.dataField(),
		},
		Notes: []string{
			"Curated: the stance of the curated record when the pair is already mapped. Matched: the character pairs that weigh most in the score (normalised to Simplified).",
			"Suggestions are leads for a curator to read, not mappings.",
		},
	}
	if len(v.Suggestions) == 0 {
		d.Blocks = []report.Block{report.Para{Text: report.Plain("No clause shares any character pair with this one.")}}
		return d
	}
	t := &report.Table{Columns: []report.Column{{Header: "Candidate"}, {Header: "Score"}, {Header: "Curated"}, {Header: "Matched"}, {Header: "Summary (unofficial)", Truncate: true}}}
	for _, s := range v.Suggestions {
		curated := report.Plain("")
		if s.Curated {
			curated = report.Text{report.StanceGlyph(s.stance)}
		}
		t.Rows = append(t.Rows, []report.Text{report.Marked(s.Clause, report.MarkBold), report.Plain(fmt.Sprintf("%.2f", s.Score)), curated,
			report.Plain(strings.Join(s.Matched, "\n")), report.Plain(s.SummaryEn)})
	}
	d.Blocks = []report.Block{t}
	return d
}

// Table is long: one row per candidate and matched character pair.
func (v *Suggest) Table(bool) *report.Table {
	t := table("clause", "rank", "candidate", "score", "curated", "matched").Numbers("rank", "score")
	for i, s := range v.Suggestions {
		matched := s.Matched
		if len(matched) == 0 {
			matched = []string{""}
		}
		for _, m := range matched {
			t.Rows = append(t.Rows, row(v.Clause, itoa(i+1), s.Clause, fmt.Sprintf("%.4f", s.Score), fmt.Sprint(s.Curated), m))
		}
	}
	return t
}

// SuggestEvaluation measures the suggestions against the curated mappings.
type SuggestEvaluation struct {
	dataHeader
	Evaluations []Evaluation `json:"evaluations"`

	k int
}

// Evaluation is recall and precision at K in one document.
type Evaluation struct {
	Document  string  `json:"document"`
	K         int     `json:"k"`
	Queries   int     `json:"queries"`
	Relevant  int     `json:"relevant"`
	Hits      int     `json:"hits"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// NewSuggestEvaluation queries every document with each GDC clause that has
// curated counterparts there and scores the top k.
func NewSuggestEvaluation(c Context, k int) (*SuggestEvaluation, error) {
	var pairs []analysis.Pair
	for _, r := range c.Data.Mappings.Records() {
		if r.Target != "" {
			pairs = append(pairs, analysis.Pair{Source: r.SourceQID(), Target: r.TargetQID()})
		}
	}
	evals, err := analysis.Evaluate(c.Data.Corpus, pairs, k)
	if err != nil {
		return nil, err
	}
	v := &SuggestEvaluation{dataHeader: c.dataHeader("suggest-evaluate"), Evaluations: []Evaluation{}, k: k}
	for _, e := range evals {
		v.Evaluations = append(v.Evaluations, Evaluation{e.Doc, e.K, e.Queries, e.Relevant, e.Hits, e.Recall, e.Precision})
	}
	return v, nil
}

// Doc is one row per document.
func (v *SuggestEvaluation) Doc() *report.Doc {
	k := itoa(v.k)
	t := table("Document", "Queries", "Curated pairs", "Found in top "+k, "Recall@"+k, "Precision@"+k)
	for _, e := range v.Evaluations {
		t.Rows = append(t.Rows, row(e.Document, itoa(e.Queries), itoa(e.Relevant), itoa(e.Hits), fmt.Sprintf("%.2f", e.Recall), fmt.Sprintf("%.2f", e.Precision)))
	}
	return &report.Doc{
		Title: "Suggestion quality against the curated mappings",
		Meta: []report.Field{
			{Label: "Method", Value: report.Plain("each GDC clause with curated counterparts queries the document; recall and precision at " + k + ", averaged over those clauses")},
			v.dataField(),
		},
		Blocks: []report.Block{t},
		Notes:  []string{"Recall@K: share of a clause's curated counterparts found among its top K suggestions. Precision@K: share of the K suggestions that are curated counterparts (divided by K)."},
	}
}

// Table is one row per document.
func (v *SuggestEvaluation) Table(bool) *report.Table {
	t := table("document", "k", "queries", "relevant", "hits", "recall", "precision").Numbers("k", "queries", "relevant", "hits", "recall", "precision")
	for _, e := range v.Evaluations {
		t.Rows = append(t.Rows, row(e.Document, itoa(e.K), itoa(e.Queries), itoa(e.Relevant), itoa(e.Hits), fmt.Sprintf("%.4f", e.Recall), fmt.Sprintf("%.4f", e.Precision)))
	}
	return t
}
