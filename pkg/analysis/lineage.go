package analysis

import (
	"cmp"
	"slices"
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
	// then in B, each distinct text once (see Shared).
	Runs []Run
	// ShareA and ShareB are the fractions of each clause's folded runes
	// covered by the runs.
	ShareA, ShareB float64
}

// DefaultMaxDocs is the stop rule's default: a run of minRun folded runes
// found in more than this many documents is a formula of the genre (a
// slogan such as 构建网络空间命运共同体, a numbered list), not text one
// document took from another.
const DefaultMaxDocs = 8

// MaxRepeats is the second stop rule: a shingle found more than this many
// times in one clause is repetition (a table, a list, or hostile input),
// formulaic like a slogan. Without it, two long periodic clauses made
// every position of one a candidate for every position of the other:
// quadratic time, and gigabytes at 48,000 characters.
const MaxRepeats = 8

// LineageOptions tunes LineageWith; zero values take the defaults.
type LineageOptions struct {
	MinRun  int // shortest shared run (DefaultMinRun)
	MaxDocs int // stop rule: see LineageWith (DefaultMaxDocs)
}

// Lineage is LineageWith with the default stop rule.
func Lineage(docs []*corpus.Document, minRun int) []LineagePair {
	return LineageWith(docs, LineageOptions{MinRun: minRun})
}

// LineageWith finds the clauses of different documents that share at
// least one run of MinRun folded runes, i.e. text carried over from one
// document into another.
//
// Comparison is on the folded text, rune for rune: punctuation and spaces
// count like characters, since clause texts are verbatim single paragraphs
// and a changed punctuation mark is a real break in the reuse.
//
// Stop rule: a shingle (a run of exactly MinRun folded runes) that occurs
// in more than MaxDocs documents, or more than MaxRepeats times in one
// clause, is formulaic. A maximal shared run is
// reported only if at least one of its shingles is not formulaic, and a
// pair only if it has such a run; a reported run is still given in full,
// formulaic stretches included. With no more than MaxDocs documents
// nothing is formulaic and every shared run of MinRun runes is reported.
//
// Documents are ordered by date (earlier first; equal dates keep the order
// given); pairs are ordered by the date of A's document, then of B's, then
// by the positions of A and B in their documents.
//
// Candidates come from one flat list of every shingle's hash and position,
// grouped so that equal shingles are adjacent; no pair of clauses is
// compared unless it shares a non-formulaic shingle, and each run is
// reported from its first one.
func LineageWith(docs []*corpus.Document, opts LineageOptions) []LineagePair {
	minRun, maxDocs := opts.MinRun, opts.MaxDocs
	if minRun <= 0 {
		minRun = DefaultMinRun
	}
	if maxDocs <= 0 {
		maxDocs = DefaultMaxDocs
	}
	items := foldClauses(docs)
	ix := newShingleIndex(items, minRun)

	// First pass: mark the shingles that are not formulaic, so a run can
	// be reported from its first such shingle.
	ix.groups(items, minRun, func(g []shingle) {
		docs, repeats, most := 1, 1, 1
		for k := 1; k < len(g); k++ {
			if items[g[k].item].rank != items[g[k-1].item].rank {
				docs++
			}
			if g[k].item == g[k-1].item {
				repeats++
				most = max(most, repeats)
			} else {
				repeats = 1
			}
		}
		if docs <= maxDocs && most <= MaxRepeats {
			for _, e := range g {
				ix.seed[ix.base[e.item]+int(e.off)] = true
			}
		}
	})
	ix.linkSeeds(items)

	found := map[[2]int32][]match{}
	ix.groups(items, minRun, func(g []shingle) {
		if !ix.seed[ix.base[g[0].item]+int(g[0].off)] {
			return
		}
		for x, p := range g {
			for _, q := range g[x+1:] {
				a, b := &items[p.item], &items[q.item]
				if a.rank == b.rank {
					continue
				}
				// Entries are in item order, so a's document is the older.
				if m, ok := ix.firstSeedRun(a.runes, p.item, int(p.off), b.runes, int(q.off)); ok {
					key := [2]int32{p.item, q.item}
					found[key] = append(found[key], m)
				}
			}
		}
	})

	keys := make([][2]int32, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	// Items are in date order and then document order, so item order is
	// the documented pair order.
	slices.SortFunc(keys, func(a, b [2]int32) int {
		if c := cmp.Compare(items[a[0]].rank, items[b[0]].rank); c != 0 {
			return c
		}
		if c := cmp.Compare(items[a[1]].rank, items[b[1]].rank); c != 0 {
			return c
		}
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	var out []LineagePair
	for _, k := range keys {
		out = append(out, newPair(&items[k[0]], &items[k[1]], found[k]))
	}
	return out
}

// shingle is one position of the flat index: 16 bytes, where a map of
// slices would cost a slice header and an allocation per distinct shingle.
type shingle struct {
	h    uint64
	item int32
	off  int32
}

// shingleIndex holds every shingle of every clause grouped by hash, and a
// flag per position for the shingles that may seed a run.
type shingleIndex struct {
	entries []shingle
	base    []int  // first position of each item in seed and prevSeed
	seed    []bool // the shingle starting here is not formulaic
	// prevSeed is, per position, the nearest seed position at or before
	// it in the same item, or -1.
	prevSeed []int32
}

func newShingleIndex(items []foldedClause, minRun int) *shingleIndex {
	ix := &shingleIndex{base: make([]int, len(items)+1)}
	n := 0
	for i, it := range items {
		ix.base[i] = n
		n += len(it.runes)
		ix.base[i+1] = n
	}
	ix.entries = groupByHash(items, minRun, n)
	ix.seed = make([]bool, n)
	return ix
}

// groupByHash lists every shingle ordered by hash, in item and offset order
// among equal hashes. A counting sort on the top bits of the mixed hash
// spreads them over small buckets (about four shingles each), each sorted stably:
// linear time where a comparison sort of millions of entries was half of
// the work. Hashes are computed twice, to count and to place, rather than
// kept in a second list as long as the first.
func groupByHash(items []foldedClause, minRun, n int) []shingle {
	bits := max(8, min(22, bitsLen(n)-2)) // about four shingles a bucket
	bucket := func(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> (64 - bits) }
	start := make([]int32, 1<<bits+1)
	for _, it := range items {
		shingles(it.runes, minRun, func(_ int, h uint64) { start[bucket(h)+1]++ })
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	next := slices.Clone(start[:1<<bits])
	out := make([]shingle, start[1<<bits])
	for i, it := range items {
		shingles(it.runes, minRun, func(off int, h uint64) {
			b := bucket(h)
			out[next[b]] = shingle{h: h, item: int32(i), off: int32(off)}
			next[b]++
		})
	}
	for b := 0; b < 1<<bits; b++ {
		if s := out[start[b]:start[b+1]]; len(s) > 1 {
			slices.SortStableFunc(s, func(x, y shingle) int { return cmp.Compare(x.h, y.h) })
		}
	}
	return out
}

// bitsLen is the number of bits needed to write n.
func bitsLen(n int) int {
	b := 0
	for ; n > 0; n >>= 1 {
		b++
	}
	return b
}

// groups calls fn with each run of entries holding the same shingle, in
// item and offset order. Entries with equal hashes but different text (a
// collision) are split into separate groups.
func (ix *shingleIndex) groups(items []foldedClause, minRun int, fn func([]shingle)) {
	var buf, rest []shingle
	for i := 0; i < len(ix.entries); {
		j := i + 1
		for j < len(ix.entries) && ix.entries[j].h == ix.entries[i].h {
			j++
		}
		g := ix.entries[i:j]
		i = j
		if len(g) < 2 {
			continue
		}
		for len(g) > 0 {
			first := g[0]
			w := items[first.item].runes[first.off : int(first.off)+minRun]
			buf, rest = buf[:0], rest[:0]
			for _, e := range g {
				if slices.Equal(items[e.item].runes[e.off:int(e.off)+minRun], w) {
					buf = append(buf, e)
				} else {
					rest = append(rest, e)
				}
			}
			if len(buf) > 1 {
				fn(buf)
			}
			g = append(g[:0:0], rest...)
		}
	}
}

func (ix *shingleIndex) linkSeeds(items []foldedClause) {
	ix.prevSeed = make([]int32, len(ix.seed))
	for i := range items {
		last := int32(-1)
		for p := ix.base[i]; p < ix.base[i+1]; p++ {
			if ix.seed[p] {
				last = int32(p - ix.base[i])
			}
			ix.prevSeed[p] = last
		}
	}
}

// firstSeedRun returns the maximal run through a[i:], b[j:] (equal
// shingles there) if a[i] is the first seed position of that run; a run is
// thus found once, from its first non-formulaic shingle.
func (ix *shingleIndex) firstSeedRun(a []rune, item int32, i int, b []rune, j int) (match, bool) {
	if i > 0 {
		// The nearest earlier seed in a: if the run reaches back to it,
		// the run is reported from there.
		if r := int(ix.prevSeed[ix.base[item]+i-1]); r >= 0 && j-(i-r) >= 0 && slices.Equal(a[r:i], b[j-(i-r):j]) {
			return match{}, false
		}
	}
	for i > 0 && j > 0 && a[i-1] == b[j-1] {
		i, j = i-1, j-1
	}
	n := 0
	for i+n < len(a) && j+n < len(b) && a[i+n] == b[j+n] {
		n++
	}
	return match{i, j, n}, true
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

func newPair(a, b *foldedClause, ms []match) LineagePair {
	sh := sharedFrom(folded{a.cl.Text, a.runes, a.off}, folded{b.cl.Text, b.runes, b.off}, ms)
	return LineagePair{A: a.cl, B: b.cl, Runs: sh.Runs, ShareA: sh.ShareA, ShareB: sh.ShareB}
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
