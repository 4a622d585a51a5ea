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
	Term   string // as given
	Count  int
	Han    int     // Han characters in the document
	Per10k float64 // Count per 10,000 Han characters
}

// Terms counts each term in each document, documents in corpus order and
// terms in the order given. Terms match on folded text (数字鸿沟 finds
// 數字鴻溝), inside one clause, without overlapping.
func Terms(c *corpus.Corpus, terms []string) []TermCount {
	var out []TermCount
	for _, d := range c.Docs {
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
		for _, t := range terms {
			ft := textnorm.FoldRunes(t)
			n := 0
			for _, rs := range folded {
				n += len(occurrences(rs, ft))
			}
			tc := TermCount{Doc: d.ID, Term: t, Count: n, Han: han}
			if han > 0 {
				tc.Per10k = float64(n) * 10000 / float64(han)
			}
			out = append(out, tc)
		}
	}
	return out
}

// occurrences lists where term starts in rs, left to right, without overlaps.
func occurrences(rs, term []rune) []int {
	var at []int
	if len(term) == 0 {
		return nil
	}
	for i := 0; i+len(term) <= len(rs); {
		if equalRunes(rs[i:i+len(term)], term) {
			at = append(at, i)
			i += len(term)
			continue
		}
		i++
	}
	return at
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// KWICLine is one occurrence of a term with its context, all original text.
type KWICLine struct {
	QID         string
	Left, Match string
	Right       string
}

// KWIC lists every occurrence of term (matched like Terms) with up to width
// runes of the clause's original text on each side, in corpus, clause and
// text order. Context stops at the clause's edges.
func KWIC(c *corpus.Corpus, term string, width int) []KWICLine {
	ft := textnorm.FoldRunes(term)
	var out []KWICLine
	for _, d := range c.Docs {
		for i := range d.Clauses {
			cl := &d.Clauses[i]
			rs, off := textnorm.FoldIndex(cl.Text)
			for _, at := range occurrences(rs, ft) {
				start, end := off[at], off[at+len(ft)]
				out = append(out, KWICLine{
					QID:   cl.QID(),
					Left:  lastRunes(cl.Text[:start], width),
					Match: cl.Text[start:end],
					Right: firstRunes(cl.Text[end:], width),
				})
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
