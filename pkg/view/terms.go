package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Terms counts given terms in each document, and with KWIC lists every
// occurrence in context.
type Terms struct {
	dataHeader
	Queries []TermQuery `json:"queries"`
	Counts  []TermCount `json:"counts"`
	KWIC    []KWICLine  `json:"kwic,omitempty"`

	terms []string
	docs  []string
	kwic  bool
}

// TermQuery is a term searched for and every form the search looked for:
// the term and its wording variants (none with --exact).
type TermQuery struct {
	Term  string   `json:"term"`
	Forms []string `json:"forms"`
}

// TermCount is how often one document uses one term (any of its forms).
type TermCount struct {
	Document string  `json:"document"`
	Term     string  `json:"term"`
	Count    int     `json:"count"`
	Han      int     `json:"han_chars"`
	Per10k   float64 `json:"per_10k"`
}

// KWICLine is one occurrence of a term with its context, as written.
type KWICLine struct {
	Clause  string `json:"clause"`
	Left    string `json:"left"`
	Match   string `json:"match"`
	Right   string `json:"right"`
	Variant string `json:"variant,omitempty"` // the form that matched, when not the term

	term string
}

// NewTerms counts terms in the documents docs (all when empty), each
// with its variants unless exact; with kwic it also lists each occurrence
// with width characters of context on each side.
func NewTerms(c Context, terms, docs []string, exact, kwic bool, width int) *Terms {
	corp := c.Data.Corpus
	in := corp.Docs
	if len(docs) > 0 {
		in = nil
		for _, d := range corp.Docs {
			if contains(docs, d.ID) {
				in = append(in, d)
			}
		}
	}
	v := &Terms{dataHeader: c.dataHeader("terms"), Queries: []TermQuery{}, Counts: []TermCount{}, terms: terms, kwic: kwic}
	for _, d := range in {
		v.docs = append(v.docs, d.ID)
	}
	var queries []analysis.Query
	for _, t := range terms {
		q := analysis.Forms(corp, t, exact)
		queries = append(queries, q)
		v.Queries = append(v.Queries, TermQuery{Term: q.Term, Forms: q.Forms})
	}
	for _, tc := range analysis.Terms(in, queries) {
		v.Counts = append(v.Counts, TermCount{tc.Doc, tc.Term, tc.Count, tc.Han, tc.Per10k})
	}
	if kwic {
		for _, q := range queries {
			for _, l := range analysis.KWIC(in, q, width) {
				v.KWIC = append(v.KWIC, KWICLine{Clause: l.QID, Left: l.Left, Match: l.Match, Right: l.Right, Variant: l.Variant, term: q.Term})
			}
		}
	}
	return v
}

// Doc is a document × term table of counts, then the occurrences in context.
func (v *Terms) Doc() *report.Doc {
	d := &report.Doc{
		Title:  "Terms: occurrences per document",
		Quoted: "the matched term",
		Meta:   []report.Field{v.dataField()},
		Notes:  []string{"Cells: occurrences (per 10,000 Chinese characters) of the term or any of its variants. Matching folds Traditional to Simplified and full- to half-width; text is shown as written. --exact searches the term alone."},
	}
	for _, q := range v.Queries {
		if len(q.Forms) > 1 {
			d.Meta = append(d.Meta, report.Field{Label: "Variants of " + q.Term, Value: report.Plain(strings.Join(q.Forms[1:], ", "))})
		}
	}
	t := table(append([]string{"Document"}, v.terms...)...)
	rows := map[string][]report.Text{}
	for _, tc := range v.Counts {
		if rows[tc.Document] == nil {
			rows[tc.Document] = []report.Text{report.Marked(tc.Document, report.MarkBold)}
		}
		cell := report.Marked("0", report.MarkDim)
		if tc.Count > 0 {
			cell = report.Plain(fmt.Sprintf("%d (%.1f)", tc.Count, tc.Per10k))
		}
		rows[tc.Document] = append(rows[tc.Document], cell)
	}
	for _, id := range v.docs {
		if rows[id] != nil {
			t.Rows = append(t.Rows, rows[id])
		}
	}
	d.Blocks = []report.Block{t}
	if v.kwic {
		kt := table("Clause", "Context", "Variant")
		for _, l := range v.KWIC {
			line := report.Plain(l.Left).With(report.Seg{Text: l.Match, Mark: report.MarkQuote}, report.Seg{Text: l.Right})
			kt.Rows = append(kt.Rows, []report.Text{report.Plain(l.Clause), line, report.Marked(l.Variant, report.MarkDim)})
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("In context (%d)", len(v.KWIC))}, kt)
	}
	return d
}

// Table is the counts, one row per document and term; with KWIC, the
// occurrences instead, one row per occurrence.
func (v *Terms) Table(bool) *report.Table {
	if v.kwic {
		t := table("term", "clause", "left", "match", "right", "variant")
		for _, l := range v.KWIC {
			t.Rows = append(t.Rows, row(l.term, l.Clause, l.Left, l.Match, l.Right, l.Variant))
		}
		return t
	}
	t := table("document", "term", "count", "han_chars", "per_10k").Numbers("count", "han_chars", "per_10k")
	for _, tc := range v.Counts {
		t.Rows = append(t.Rows, row(tc.Document, tc.Term, itoa(tc.Count), itoa(tc.Han), fmt.Sprintf("%.2f", tc.Per10k)))
	}
	return t
}

// Distinctive lists each document's most distinctive character bigrams.
type Distinctive struct {
	dataHeader
	Method    string          `json:"method"`
	Documents []DocumentTerms `json:"documents"`
}

// DocumentTerms are one document's distinctive terms, best first.
type DocumentTerms struct {
	Document string      `json:"document"`
	Terms    []TermScore `json:"terms"`
}

// TermScore is a bigram's keyness in one document.
type TermScore struct {
	Term      string  `json:"term"`
	Count     int     `json:"count"`
	Elsewhere int     `json:"count_elsewhere"`
	G2        float64 `json:"g2"`
}

// NewDistinctive scores the top bigrams of every document.
func NewDistinctive(c Context, top int) *Distinctive {
	v := &Distinctive{dataHeader: c.dataHeader("terms-distinctive"), Method: "log-likelihood G2 of Han character bigrams, document vs rest of corpus", Documents: []DocumentTerms{}}
	scores := analysis.Distinctive(c.Data.Corpus, top)
	for _, d := range c.Data.Corpus.Docs {
		dt := DocumentTerms{Document: d.ID, Terms: []TermScore{}}
		for _, s := range scores[d.ID] {
			dt.Terms = append(dt.Terms, TermScore{s.Term, s.Count, s.Other, s.G2})
		}
		v.Documents = append(v.Documents, dt)
	}
	return v
}

// Doc is a ranked table per document.
func (v *Distinctive) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Terms: each document's most distinctive bigrams",
		Meta: []report.Field{v.dataField(),
			{Label: "Method", Value: report.Plain("Dunning log-likelihood (G²) of two-character sequences, each document against all others")}},
		Notes: []string{"Terms are shown in Simplified script (matching folds Traditional to Simplified). Here/Elsewhere: occurrences in this document and in all others."},
	}
	for _, dt := range v.Documents {
		t := table("#", "Term", "Here", "Elsewhere", "G²")
		for i, s := range dt.Terms {
			t.Rows = append(t.Rows, row(itoa(i+1), s.Term, itoa(s.Count), itoa(s.Elsewhere), fmt.Sprintf("%.1f", s.G2)))
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: dt.Document}, t)
	}
	return d
}

// Table is one row per document and ranked term.
func (v *Distinctive) Table(bool) *report.Table {
	t := table("document", "rank", "term", "count", "count_elsewhere", "g2").Numbers("rank", "count", "count_elsewhere", "g2")
	for _, dt := range v.Documents {
		for i, s := range dt.Terms {
			t.Rows = append(t.Rows, row(dt.Document, itoa(i+1), s.Term, itoa(s.Count), itoa(s.Elsewhere), fmt.Sprintf("%.2f", s.G2)))
		}
	}
	return t
}
