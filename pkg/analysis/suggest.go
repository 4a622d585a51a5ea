package analysis

import (
	"fmt"
	"math"
	"sort"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// BM25 parameters: the usual defaults (Robertson et al.; Lucene, Elasticsearch).
const (
	BM25K1 = 1.2  // term-frequency saturation
	BM25B  = 0.75 // document-length normalisation
)

// matchedShown is how many matched bigrams a suggestion lists.
const matchedShown = 5

// Index is a BM25 index of one document's clauses, each clause a "document"
// of overlapping Han bigrams of its folded text (as in Distinctive). Bigrams
// stand in for words: since the TREC Chinese tracks they have been known to
// retrieve as well as segmented words, with no dictionary.
type Index struct {
	doc      *corpus.Document
	postings map[[2]rune][]termFreq
	lengths  []int // bigrams per clause
	avgLen   float64
}

type termFreq struct{ clause, n int }

// NewIndex indexes the clauses of doc.
func NewIndex(doc *corpus.Document) *Index { return newIndex(doc, nil) }

// newIndex indexes the clauses of doc, keeping postings only for the
// bigrams in keep (all if nil): a single query needs no others, and clause
// lengths still count every bigram, so its scores are those of a full index.
func newIndex(doc *corpus.Document, keep map[[2]rune]bool) *Index {
	ix := &Index{doc: doc, postings: map[[2]rune][]termFreq{}, lengths: make([]int, len(doc.Clauses))}
	total := 0
	tf := map[[2]rune]int{}
	for i := range doc.Clauses {
		clear(tf)
		hanBigrams(textnorm.FoldRunes(doc.Clauses[i].Text), func(bg [2]rune) {
			ix.lengths[i]++
			if keep == nil || keep[bg] {
				tf[bg]++
			}
		})
		for bg, n := range tf {
			ix.postings[bg] = append(ix.postings[bg], termFreq{i, n})
		}
		total += ix.lengths[i]
	}
	ix.avgLen = ratio(total, len(doc.Clauses))
	return ix
}

// Suggestion is a candidate counterpart clause.
type Suggestion struct {
	Clause *corpus.Clause
	Score  float64
	// Matched are the query bigrams (folded) that contribute most to the
	// score, largest first, at most five.
	Matched []string
}

// Search ranks the indexed clauses against the query text and returns the
// best k (all if k <= 0) with a positive score, by score and then clause
// order. Each distinct query bigram counts once; a bigram found in n of the
// N clauses weighs idf = ln(1 + (N−n+0.5)/(n+0.5)).
func (ix *Index) Search(query string, k int) []Suggestion {
	var terms [][2]rune
	seen := map[[2]rune]bool{}
	hanBigrams(textnorm.FoldRunes(query), func(bg [2]rune) {
		if !seen[bg] {
			seen[bg] = true
			terms = append(terms, bg)
		}
	})
	// A fixed order of terms keeps floating-point sums reproducible.
	sort.Slice(terms, func(i, j int) bool {
		if terms[i][0] != terms[j][0] {
			return terms[i][0] < terms[j][0]
		}
		return terms[i][1] < terms[j][1]
	})
	type contribution struct {
		term  [2]rune
		score float64
	}
	scores := make([]float64, len(ix.doc.Clauses))
	contribs := make([][]contribution, len(ix.doc.Clauses))
	n := float64(len(ix.doc.Clauses))
	for _, t := range terms {
		ps := ix.postings[t]
		if len(ps) == 0 {
			continue
		}
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps {
			tf := float64(p.n)
			norm := BM25K1 * (1 - BM25B + BM25B*float64(ix.lengths[p.clause])/ix.avgLen)
			s := idf * tf * (BM25K1 + 1) / (tf + norm)
			scores[p.clause] += s
			contribs[p.clause] = append(contribs[p.clause], contribution{t, s})
		}
	}
	var out []Suggestion
	for i, s := range scores {
		if s <= 0 {
			continue
		}
		cs := contribs[i]
		sort.SliceStable(cs, func(x, y int) bool { return cs[x].score > cs[y].score })
		sug := Suggestion{Clause: &ix.doc.Clauses[i], Score: s}
		for _, c := range cs[:min(len(cs), matchedShown)] {
			sug.Matched = append(sug.Matched, string(c.term[:]))
		}
		out = append(out, sug)
	}
	// out is in clause order; a stable sort keeps it for equal scores.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if k > 0 && len(out) > k {
		out = out[:k]
	}
	return out
}

// Suggest proposes counterparts of clause in each document of against
// (every document but the clause's own if empty). Each document is
// indexed for the query's bigrams only. It returns the best k per document, documents in the order
// given, each by score and then clause order; scores of different
// documents are not comparable.
func Suggest(c *corpus.Corpus, clause *corpus.Clause, against []string, k int) ([]Suggestion, error) {
	if len(against) == 0 {
		for _, d := range c.Docs {
			if d != clause.Doc {
				against = append(against, d.ID)
			}
		}
	}
	query := map[[2]rune]bool{}
	hanBigrams(textnorm.FoldRunes(clause.Text), func(bg [2]rune) { query[bg] = true })
	var out []Suggestion
	for _, id := range against {
		d, ok := c.Doc(id)
		if !ok {
			return nil, fmt.Errorf("unknown document %q", id)
		}
		out = append(out, newIndex(d, query).Search(clause.Text, k)...)
	}
	return out, nil
}

// Pair is one curated correspondence, by qualified clause IDs.
type Pair struct{ Source, Target string }

// Evaluation is how well Suggest recovers the curated pairs in one document.
type Evaluation struct {
	Doc string
	K   int
	// Queries is the number of source clauses with at least one curated
	// counterpart in Doc; Relevant is the number of those counterparts and
	// Hits how many of them were among the top K suggestions.
	Queries, Relevant, Hits int
	// Recall and Precision are recall@K and precision@K averaged over the
	// queries; precision divides by K even when fewer were suggested.
	Recall, Precision float64
}

// Evaluate measures Suggest against curated pairs: each source clause with
// curated counterparts in a document is a query against that document's
// index, and the counterparts are the relevant answers. Documents come in
// corpus order; those without pairs are left out.
func Evaluate(c *corpus.Corpus, pairs []Pair, k int) ([]Evaluation, error) {
	if k <= 0 {
		return nil, fmt.Errorf("k must be positive, got %d", k)
	}
	// relevant[target doc][source clause] = set of target clauses
	relevant := map[*corpus.Document]map[*corpus.Clause]map[*corpus.Clause]bool{}
	for _, p := range pairs {
		src, err := c.Resolve(p.Source)
		if err != nil {
			return nil, err
		}
		tgt, err := c.Resolve(p.Target)
		if err != nil {
			return nil, err
		}
		if relevant[tgt.Doc] == nil {
			relevant[tgt.Doc] = map[*corpus.Clause]map[*corpus.Clause]bool{}
		}
		if relevant[tgt.Doc][src] == nil {
			relevant[tgt.Doc][src] = map[*corpus.Clause]bool{}
		}
		relevant[tgt.Doc][src][tgt] = true
	}
	var out []Evaluation
	for _, d := range c.Docs {
		queries := relevant[d]
		if len(queries) == 0 {
			continue
		}
		ix := NewIndex(d)
		ev := Evaluation{Doc: d.ID, K: k, Queries: len(queries)}
		for _, src := range clausesIn(c, queries) {
			want := queries[src]
			hits := 0
			for _, s := range ix.Search(src.Text, k) {
				if want[s.Clause] {
					hits++
				}
			}
			ev.Relevant += len(want)
			ev.Hits += hits
			ev.Recall += float64(hits) / float64(len(want))
			ev.Precision += float64(hits) / float64(k)
		}
		ev.Recall /= float64(ev.Queries)
		ev.Precision /= float64(ev.Queries)
		out = append(out, ev)
	}
	return out, nil
}

// clausesIn lists the keys of m in corpus order, so sums come out the same
// on every run.
func clausesIn(c *corpus.Corpus, m map[*corpus.Clause]map[*corpus.Clause]bool) []*corpus.Clause {
	var out []*corpus.Clause
	for _, d := range c.Docs {
		for i := range d.Clauses {
			if _, ok := m[&d.Clauses[i]]; ok {
				out = append(out, &d.Clauses[i])
			}
		}
	}
	return out
}
