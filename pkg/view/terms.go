package view

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
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
// the term, its wording variants and its reorderings (none with --exact).
type TermQuery struct {
	Term  string     `json:"term"`
	Forms []TermForm `json:"forms"`
}

// TermForm is one form searched for and how it came in: the term itself
// (exact), a variant listed in the data, or the term's parts reordered.
type TermForm struct {
	Form string `json:"form"`
	How  string `json:"how" schema:"enum=exact|variant|reordered"`
}

// TermCount is how often one document uses one term (any of its forms).
type TermCount struct {
	Document string  `json:"document"`
	Term     string  `json:"term"`
	Count    int     `json:"count"`
	Han      int     `json:"han_chars"`
	Per10k   float64 `json:"per_10k"`
	// Forms are the forms found, with their counts (they sum to Count).
	Forms []TermFormCount `json:"forms"`
}

// TermFormCount is how often one form of a term occurs in a document.
type TermFormCount struct {
	TermForm
	Count int `json:"count"`
}

// KWICLine is one occurrence of a term with its context, as written.
type KWICLine struct {
	Clause string `json:"clause"`
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
	TermForm
	// GDC are the GDC clauses curators mapped the hit's clause to, in GDC
	// order: what the passage answers to. Empty for a GDC clause.
	GDC []string `json:"gdc_clauses"`

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
		tq := TermQuery{Term: q.Term}
		for _, f := range q.Forms {
			tq.Forms = append(tq.Forms, TermForm{f.Text, f.How})
		}
		v.Queries = append(v.Queries, tq)
	}
	for _, tc := range analysis.Terms(in, queries) {
		cv := TermCount{tc.Doc, tc.Term, tc.Count, tc.Han, tc.Per10k, []TermFormCount{}}
		for _, fc := range tc.ByForm {
			cv.Forms = append(cv.Forms, TermFormCount{TermForm{fc.Text, fc.How}, fc.Count})
		}
		v.Counts = append(v.Counts, cv)
	}
	if kwic {
		gdc := mappedGDC(c)
		for _, q := range queries {
			for _, l := range analysis.KWIC(in, q, width) {
				v.KWIC = append(v.KWIC, KWICLine{Clause: l.QID, Left: l.Left, Match: l.Match, Right: l.Right,
					TermForm: TermForm{l.Form.Text, l.Form.How}, GDC: nonNil(gdc[l.QID]), term: q.Term})
			}
		}
	}
	return v
}

// mappedGDC lists, for each Chinese clause, the GDC clauses mapped to it,
// in GDC order and each once.
func mappedGDC(c Context) map[string][]string {
	ref, ok := c.Data.Corpus.Reference()
	if !ok {
		return nil
	}
	recs := slices.Clone(c.Data.Mappings.Records())
	slices.SortStableFunc(recs, func(a, b *mapping.Record) int { return cmp.Compare(ref.Position(a.Source), ref.Position(b.Source)) })
	out := map[string][]string{}
	for _, r := range recs {
		if t := r.TargetQID(); r.Target != "" && !slices.Contains(out[t], r.SourceQID()) {
			out[t] = append(out[t], r.SourceQID())
		}
	}
	return out
}

// how says which form matched and how, for people: "exact", or the form
// with the way it came in: 数据跨境流动 (reordered).
func (f TermForm) how() string {
	if f.How == analysis.Exact {
		return f.How
	}
	return f.Form + " (" + f.How + ")"
}

// Doc is a document × term table of counts, then the occurrences in context.
func (v *Terms) Doc() *report.Doc {
	d := &report.Doc{
		Title:  "Terms: occurrences per document",
		Quoted: "the matched term",
		Meta:   []report.Field{v.dataField()},
		Notes: []string{"Cells: occurrences (per 10,000 Chinese characters) of the term, its variants listed in the data, or its parts reordered (跨境数据流动 finds 数据跨境流动). Matching folds Traditional to Simplified and full- to half-width; text is shown as written. --exact searches the term alone.",
			"In context: → names the GDC clauses the hit's clause is mapped to."},
	}
	for _, q := range v.Queries {
		var variants []string
		reordered := 0
		for _, f := range q.Forms {
			switch f.How {
			case analysis.Variant:
				variants = append(variants, f.Form)
			case analysis.Reordered:
				reordered++
			}
		}
		if len(variants) > 0 {
			d.Meta = append(d.Meta, report.Field{Label: "Variants of " + q.Term, Value: report.Plain(strings.Join(variants, ", "))})
		}
		if reordered > 0 {
			d.Meta = append(d.Meta, report.Field{Label: "Reorderings of " + q.Term,
				Value: report.Plain(fmt.Sprintf("%d (its parts of two or more characters in every other order)", reordered))})
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
	// Which forms were found, when one other than the term was.
	ft := table("Document", "Term", "Form found", "How", "Count")
	other := false
	for _, tc := range v.Counts {
		for _, f := range tc.Forms {
			ft.Rows = append(ft.Rows, row(tc.Document, tc.Term, f.Form, f.How, itoa(f.Count)))
			other = other || f.How != analysis.Exact
		}
	}
	if other {
		d.Blocks = append(d.Blocks, report.Heading{Text: "Forms found"}, ft)
	}
	if v.kwic {
		kt := table("Clause", "Context", "Matched")
		for _, l := range v.KWIC {
			line := report.Plain(l.Left).With(report.Seg{Text: l.Match, Mark: report.MarkQuote}, report.Seg{Text: l.Right})
			if len(l.GDC) > 0 {
				// Under the line, not in a column of its own: a clause mapped
				// to many GDC clauses would squeeze the context.
				line = line.With(report.Seg{Text: "\n→ " + strings.Join(l.GDC, ", "), Mark: report.MarkDim})
			}
			kt.Rows = append(kt.Rows, []report.Text{report.Plain(l.Clause), line, report.Marked(l.how(), report.MarkDim)})
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("In context (%d)", len(v.KWIC))}, kt)
	}
	return d
}

// Table is the counts, one row per document and term; with KWIC, the
// occurrences instead, one row per occurrence.
func (v *Terms) Table(bool) *report.Table {
	if v.kwic {
		// gdc_clauses is a space-separated list: IDs hold no spaces.
		t := table("term", "clause", "left", "match", "right", "form", "how", "gdc_clauses")
		for _, l := range v.KWIC {
			t.Rows = append(t.Rows, row(l.term, l.Clause, l.Left, l.Match, l.Right, l.Form, l.How, strings.Join(l.GDC, " ")))
		}
		return t
	}
	// count is every form together; exact, variant and reordered split it
	// by how the form that matched came in (the JSON names each form).
	t := table("document", "term", "count", "exact", "variant", "reordered", "han_chars", "per_10k").
		Numbers("count", "exact", "variant", "reordered", "han_chars", "per_10k")
	for _, tc := range v.Counts {
		by := map[string]int{}
		for _, f := range tc.Forms {
			by[f.How] += f.Count
		}
		t.Rows = append(t.Rows, row(tc.Document, tc.Term, itoa(tc.Count), itoa(by[analysis.Exact]), itoa(by[analysis.Variant]), itoa(by[analysis.Reordered]),
			itoa(tc.Han), fmt.Sprintf("%.2f", tc.Per10k)))
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
