package analysis

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// TermCount is how often a term occurs in one document.
type TermCount struct {
	Doc    string
	Term   string  // as given
	Count  int     // occurrences of the term or any of its forms
	Han    int     // Han characters in the document
	Per10k float64 // Count per 10,000 Han characters
	// ByForm counts the forms that occur, in the query's order.
	ByForm []FormCount
}

// FormCount is how often one form of a query occurs.
type FormCount struct {
	Form
	Count int
}

// How a form came into a search.
const (
	Exact     = "exact"     // the term as given
	Variant   = "variant"   // a wording variant listed in the data
	Reordered = "reordered" // the term's parts in another order
)

// Form is one wording a search looks for, and how it came in.
type Form struct {
	Text string
	How  string // Exact, Variant or Reordered
}

// Query is a term and the forms a search for it looks for: the term itself
// first, then its wording variants and reorderings (see Forms).
type Query struct {
	Term  string
	Forms []Form
}

// Forms is what a search for term looks for: the term, and unless exact
// every other form of the variant groups that contain it, then the term's
// reorderings. Forms compare folded, so a group's 利益攸关方 also names the
// speech's 利益攸關方, and a form is listed once, under the first way found.
func Forms(c *corpus.Corpus, term string, exact bool) Query {
	q := Query{Term: term, Forms: []Form{{term, Exact}}}
	if exact {
		return q
	}
	seen := map[string]bool{textnorm.Fold(term): true}
	add := func(text, how string) {
		if k := textnorm.Fold(text); !seen[k] {
			seen[k] = true
			q.Forms = append(q.Forms, Form{text, how})
		}
	}
	ft := textnorm.Fold(term)
	for _, g := range c.Themes.Variants {
		if slices.ContainsFunc(g.Forms, func(f string) bool { return textnorm.Fold(f) == ft }) {
			for _, f := range g.Forms {
				add(f, Variant)
			}
		}
	}
	for _, r := range Reorderings(term) {
		add(r, Reordered)
	}
	return q
}

// Reorderings are the term's parts in every other order. Chinese writes
// compounds without spaces and the texts reorder them (the GDC's 跨境数据流动
// is the white paper's 数据跨境流动), so the term is cut every way into two
// or three parts of at least two characters — 跨境|数据|流动, 跨境数|据流动 … —
// and each cut gives its permutations. No dictionary is needed: a cut that
// is not a word boundary yields strings the texts do not contain. Parts of
// one character would match unrelated text (数据 → 据数), so there are none,
// and a term under four characters has no reorderings.
func Reorderings(term string) []string {
	rs := []rune(term)
	n := len(rs)
	var out []string
	add := func(parts ...[]rune) {
		var s []rune
		for _, p := range parts {
			s = append(s, p...)
		}
		if string(s) != term && !slices.Contains(out, string(s)) {
			out = append(out, string(s))
		}
	}
	for i := 2; i+2 <= n; i++ {
		a, b := rs[:i], rs[i:]
		add(b, a)
		for j := i + 2; j+2 <= n; j++ {
			a, b, c := rs[:i], rs[i:j], rs[j:]
			add(a, c, b)
			add(b, a, c)
			add(b, c, a)
			add(c, a, b)
			add(c, b, a)
		}
	}
	return out
}

// Terms counts each query in each document, documents in the order given
// and queries in the order given. Forms match on folded text (数字鸿沟 finds
// 數字鴻溝), inside one clause, without overlapping.
func Terms(docs []*corpus.Document, queries []Query) []TermCount {
	var out []TermCount
	for _, d := range docs {
		han := 0
		folded := make([][]rune, len(d.Clauses))
		for i := range d.Clauses {
			folded[i] = textnorm.FoldRunes(d.Clauses[i].Text)
			for _, r := range d.Clauses[i].Text {
				if isHan(r) {
					han++
				}
			}
		}
		for _, q := range queries {
			forms := foldForms(q)
			n := 0
			byForm := make([]int, len(q.Forms))
			for _, rs := range folded {
				for _, h := range occurrences(rs, forms) {
					byForm[h.form.i]++
					n++
				}
			}
			tc := TermCount{Doc: d.ID, Term: q.Term, Count: n, Han: han}
			for i, k := range byForm {
				if k > 0 {
					tc.ByForm = append(tc.ByForm, FormCount{q.Forms[i], k})
				}
			}
			if han > 0 {
				tc.Per10k = float64(n) * 10000 / float64(han)
			}
			out = append(out, tc)
		}
	}
	return out
}

// foldedForm is a query's form folded, with its index in Query.Forms.
type foldedForm struct {
	rs []rune
	i  int
}

// foldForms folds a query's forms, longest first so that at any position
// the longest form wins (多利益攸关方 before 利益攸关方); among forms of one
// length the query's order holds, so the term wins over its reorderings.
func foldForms(q Query) []foldedForm {
	var out []foldedForm
	for i, f := range q.Forms {
		if ff := textnorm.FoldRunes(f.Text); len(ff) > 0 {
			out = append(out, foldedForm{ff, i})
		}
	}
	slices.SortStableFunc(out, func(a, b foldedForm) int { return cmp.Compare(len(b.rs), len(a.rs)) })
	return out
}

// hit is an occurrence: where it starts and which form matched.
type hit struct {
	at   int
	form foldedForm
}

// occurrences lists where any form starts in rs, left to right, without
// overlaps; forms are tried longest first.
func occurrences(rs []rune, forms []foldedForm) []hit {
	var out []hit
	for i := 0; i < len(rs); {
		matched := false
		for _, f := range forms {
			if i+len(f.rs) <= len(rs) && slices.Equal(rs[i:i+len(f.rs)], f.rs) {
				out = append(out, hit{i, f})
				i += len(f.rs)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return out
}

// KWICLine is one occurrence of a term with its context, all original text.
type KWICLine struct {
	QID         string
	Left, Match string
	Right       string
	Form        Form // the form that matched, as the query lists it
}

// KWIC lists every occurrence of a query (matched like Terms) with up to
// width runes of the clause's original text on each side, in document,
// clause and text order. Context stops at the clause's edges.
func KWIC(docs []*corpus.Document, q Query, width int) []KWICLine {
	forms := foldForms(q)
	var out []KWICLine
	for _, d := range docs {
		for i := range d.Clauses {
			cl := &d.Clauses[i]
			rs, off := textnorm.FoldIndex(cl.Text)
			for _, h := range occurrences(rs, forms) {
				start, end := off[h.at], off[h.at+len(h.form.rs)]
				out = append(out, KWICLine{QID: cl.QID(), Left: lastRunes(cl.Text[:start], width), Match: cl.Text[start:end],
					Right: firstRunes(cl.Text[end:], width), Form: q.Forms[h.form.i]})
			}
		}
	}
	return out
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// TermScore is a bigram's keyness in one document.
type TermScore struct {
	Term  string // the bigram as the document first writes it
	Count int    // occurrences in the document
	Other int    // occurrences in all other documents together
	G2    float64
}

// Distinctive lists, for each document ID, the top (all if top <= 0)
// character bigrams that are most over-represented in that document
// compared with all the other documents together.
//
// Method: count the bigrams of two adjacent Han characters in each clause's
// folded text (punctuation, spaces and Latin break the chain). For a
// document with N1 bigrams in all and the rest of the corpus with N2, a
// bigram occurring a times in the document and b times elsewhere scores
// Dunning's log-likelihood ratio
//
//	G² = 2 Σ O·ln(O/E)
//
// over the 2×2 table (a, b; N1−a, N2−b), with E the counts expected if the
// bigram were spread evenly. Only bigrams relatively more frequent in the
// document (a/N1 > b/N2) are kept. Ties are broken by Count (higher first),
// then by the bigram.
func Distinctive(c *corpus.Corpus, top int) map[string][]TermScore {
	// Each distinct bigram gets a number and a document is the list of the
	// numbers of its bigrams: one map for the whole corpus instead of one
	// per document.
	ids := map[[2]rune]int32{}
	var terms [][2]rune
	var all []int // occurrences of each bigram in the corpus
	size := 0
	for _, d := range c.Docs {
		for i := range d.Clauses {
			size += len(d.Clauses[i].Text) / 3 // about one bigram per CJK character
		}
	}
	occ := make([]int32, 0, size)    // the bigrams of every document, one after the other
	ends := make([]int, len(c.Docs)) // where each document's bigrams end in occ
	for k, d := range c.Docs {
		for i := range d.Clauses {
			hanBigrams(textnorm.FoldRunes(d.Clauses[i].Text), func(bg [2]rune) {
				id, ok := ids[bg]
				if !ok {
					id = int32(len(terms))
					ids[bg] = id
					terms = append(terms, bg)
					all = append(all, 0)
				}
				all[id]++
				occ = append(occ, id)
			})
		}
		ends[k] = len(occ)
	}
	allN := len(occ)
	type scored struct {
		id, a, b int
		g2       float64
	}
	// Highest G² first, then the most frequent, then by bigram (rune by
	// rune, as their UTF-8 strings compare).
	byScore := func(x, y scored) int {
		if c := cmp.Compare(y.g2, x.g2); c != 0 {
			return c
		}
		if c := cmp.Compare(y.a, x.a); c != 0 {
			return c
		}
		return slices.Compare(terms[x.id][:], terms[y.id][:])
	}
	count := make([]int32, len(terms)) // per document, reset after each
	var seen []int32
	var cand []scored
	out := make(map[string][]TermScore, len(c.Docs))
	for k, d := range c.Docs {
		docOcc := occ[:ends[k]]
		if k > 0 {
			docOcc = occ[ends[k-1]:ends[k]]
		}
		n1, n2 := len(docOcc), allN-len(docOcc)
		for _, id := range docOcc {
			if count[id] == 0 {
				seen = append(seen, id)
			}
			count[id]++
		}
		cand = cand[:0]
		for _, id := range seen {
			a, b := int(count[id]), all[id]-int(count[id])
			count[id] = 0
			if a*n2 > b*n1 {
				cand = append(cand, scored{int(id), a, b, logLikelihood(a, b, n1, n2)})
			}
		}
		seen = seen[:0]
		kept := cand
		if top > 0 {
			// Keep the best top in order as they come: most candidates
			// fall below the last kept and cost one comparison.
			kept = make([]scored, 0, top+1)
			for _, x := range cand {
				if len(kept) == top && byScore(x, kept[top-1]) >= 0 {
					continue
				}
				i, _ := slices.BinarySearchFunc(kept, x, byScore)
				kept = slices.Insert(kept, i, x)[:min(len(kept)+1, top)]
			}
		} else {
			slices.SortFunc(kept, byScore)
		}
		scores := make([]TermScore, len(kept))
		for i, x := range kept {
			scores[i] = TermScore{Term: string(terms[x.id][:]), Count: x.a, Other: x.b, G2: x.g2}
		}
		showOriginal(d, scores)
		out[d.ID] = scores
	}
	return out
}

// showOriginal replaces each folded bigram by the document's own writing
// of it (its first occurrence), so a Traditional text shows 來賓, not 来宾.
// Only the kept terms are looked up, which costs one pass at most.
func showOriginal(d *corpus.Document, scores []TermScore) {
	need := make(map[string]int, len(scores))
	for i, s := range scores {
		need[s.Term] = i
	}
	for i := range d.Clauses {
		if len(need) == 0 {
			return
		}
		text := d.Clauses[i].Text
		rs, offs := textnorm.FoldIndex(text)
		for j := 1; j < len(rs); j++ {
			if k, ok := need[string(rs[j-1:j+1])]; ok && isHan(rs[j-1]) && isHan(rs[j]) {
				scores[k].Term = text[offs[j-1]:offs[j+1]]
				delete(need, string(rs[j-1:j+1]))
			}
		}
	}
}

// logLikelihood is G² for the 2×2 table (a, b; n1−a, n2−b), written with
// the identity G² = 2(Σ x ln x over cells − rows − columns + N ln N).
func logLikelihood(a, b, n1, n2 int) float64 {
	c, d := n1-a, n2-b
	return 2 * (xlnx(a) + xlnx(b) + xlnx(c) + xlnx(d) -
		xlnx(a+b) - xlnx(c+d) - xlnx(n1) - xlnx(n2) + xlnx(n1+n2))
}

func xlnx(x int) float64 {
	if x == 0 {
		return 0
	}
	return float64(x) * math.Log(float64(x))
}
