package analysis

import (
	"sort"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// DefaultMinRun is the shortest shared run, in folded runes, that Lineage
// looks for when given zero: about one clause of a Chinese sentence, long
// enough that a match is reuse rather than common phrasing.
const DefaultMinRun = 12

// LineagePair is a pair of clauses from different documents that share text.
type LineagePair struct {
	A, B *corpus.Clause // A is from the older document
	// Runs are the maximal shared runs: stretches equal in both clauses
	// that cannot be extended at either end, ordered by position in A and
	// then in B. A text repeated within a clause gives a run per repeat.
	Runs []Run
	// ShareA and ShareB are the fractions of each clause's folded runes
	// covered by the runs.
	ShareA, ShareB float64
}

// Lineage finds the clauses of different documents that share at least
// one run of minRun (DefaultMinRun if zero or less) folded runes, i.e.
// text carried over from one document into another.
//
// Comparison is on the folded text, rune for rune: punctuation and spaces
// count like characters, since clause texts are verbatim single paragraphs
// and a changed punctuation mark is a real break in the reuse.
//
// Documents are ordered by date (earlier first; equal dates keep the order
// given); pairs are ordered by the date of A's document, then of B's, then
// by the positions of A and B in their documents.
//
// Candidates come from an index of every minRun-rune shingle; a shared
// shingle whose preceding runes differ is the start of exactly one maximal
// run, which is then extended to its end. No pair of clauses is compared
// unless it shares a shingle.
func Lineage(docs []*corpus.Document, minRun int) []LineagePair {
	if minRun <= 0 {
		minRun = DefaultMinRun
	}
	items := foldClauses(docs)
	postings := map[uint64][]posting{}
	for i, it := range items {
		shingles(it.runes, minRun, func(off int, h uint64) {
			postings[h] = append(postings[h], posting{item: i, off: off})
		})
	}
	found := map[[2]int][]match{}
	for _, ps := range postings {
		for x, p := range ps {
			for _, q := range ps[x+1:] {
				a, b := &items[p.item], &items[q.item]
				if a.rank == b.rank {
					continue
				}
				// Postings are in item order, so a's document is the older.
				if m, ok := maximalRun(a.runes, p.off, b.runes, q.off); ok && m.n >= minRun {
					key := [2]int{p.item, q.item}
					found[key] = append(found[key], m)
				}
			}
		}
	}

	keys := make([][2]int, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if ra, rb := items[a[0]].rank, items[b[0]].rank; ra != rb {
			return ra < rb
		}
		if ra, rb := items[a[1]].rank, items[b[1]].rank; ra != rb {
			return ra < rb
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return a[1] < b[1]
	})
	var out []LineagePair
	for _, k := range keys {
		out = append(out, newPair(&items[k[0]], &items[k[1]], found[k]))
	}
	return out
}

// foldedClause is a clause with its folded text and where it stands.
type foldedClause struct {
	cl    *corpus.Clause
	rank  int // of its document, by date
	runes []rune
	off   []int // textnorm.FoldIndex offsets
}

// foldClauses folds every clause, documents by date, clauses in order.
func foldClauses(docs []*corpus.Document) []foldedClause {
	order := make([]*corpus.Document, len(docs))
	copy(order, docs)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Date < order[j].Date })
	var items []foldedClause
	for rank, d := range order {
		for i := range d.Clauses {
			rs, off := textnorm.FoldIndex(d.Clauses[i].Text)
			items = append(items, foldedClause{cl: &d.Clauses[i], rank: rank, runes: rs, off: off})
		}
	}
	return items
}

type posting struct{ item, off int }

// match is a shared run: a[i:i+n] == b[j:j+n].
type match struct{ i, j, n int }

// shingles calls fn with the offset and a rolling hash of every n-rune
// window of rs. Equal windows hash equally; a collision only costs a check.
func shingles(rs []rune, n int, fn func(off int, h uint64)) {
	if len(rs) < n {
		return
	}
	const prime = 1099511628211
	var h, pow uint64 = 0, 1
	for i := 0; i < n; i++ {
		h = h*prime + uint64(rs[i])
		if i > 0 {
			pow *= prime
		}
	}
	fn(0, h)
	for i := n; i < len(rs); i++ {
		h = (h-uint64(rs[i-n])*pow)*prime + uint64(rs[i])
		fn(i-n+1, h)
	}
}

// maximalRun extends a match starting at a[i], b[j] to the right; it
// reports false when the match could be extended to the left, as it is then
// part of a run that starts earlier.
func maximalRun(a []rune, i int, b []rune, j int) (match, bool) {
	if i > 0 && j > 0 && a[i-1] == b[j-1] {
		return match{}, false
	}
	n := 0
	for i+n < len(a) && j+n < len(b) && a[i+n] == b[j+n] {
		n++
	}
	return match{i, j, n}, true
}

func newPair(a, b *foldedClause, ms []match) LineagePair {
	sort.Slice(ms, func(x, y int) bool {
		if ms[x].i != ms[y].i {
			return ms[x].i < ms[y].i
		}
		return ms[x].j < ms[y].j
	})
	p := LineagePair{A: a.cl, B: b.cl}
	spansA := make([][2]int, len(ms))
	spansB := make([][2]int, len(ms))
	for k, m := range ms {
		p.Runs = append(p.Runs, Run{
			A:   a.cl.Text[a.off[m.i]:a.off[m.i+m.n]],
			B:   b.cl.Text[b.off[m.j]:b.off[m.j+m.n]],
			Len: m.n,
		})
		spansA[k] = [2]int{m.i, m.i + m.n}
		spansB[k] = [2]int{m.j, m.j + m.n}
	}
	p.ShareA = ratio(covered(spansA), len(a.runes))
	p.ShareB = ratio(covered(spansB), len(b.runes))
	return p
}

// covered counts the positions inside the union of half-open spans.
func covered(spans [][2]int) int {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	n, end := 0, 0
	for _, s := range spans {
		if s[1] <= end {
			continue
		}
		n += s[1] - max(s[0], end)
		end = s[1]
	}
	return n
}
