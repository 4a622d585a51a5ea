package analysis

import (
	"sort"
	"unicode/utf8"
)

// Shared is the text two clauses have in common: their maximal shared runs
// of at least a minimum length, each distinct run listed once, and the
// share of each clause's folded runes the runs cover. Lineage and Diff both
// report it, so the figures they print for the same pair agree.
type Shared struct {
	Runs           []Run
	ShareA, ShareB float64
}

// folded is a text with its folded runes and their offsets in the original.
type folded struct {
	text  string
	runes []rune
	off   []int
}

// MaxRuns is the most distinct runs listed for one pair of clauses; the
// shares still count every run. Only long repetitive text reaches it (two
// texts of one phrase said a thousand times share a thousand runs), and
// listing them all took gigabytes.
const MaxRuns = 64

// sharedFrom turns maximal runs between a and b into a Shared: runs in
// order of position in a, then b; a run whose text repeats (a slogan said
// three times) is listed once but every occurrence counts in the shares.
func sharedFrom(a, b folded, ms []match) Shared {
	sort.Slice(ms, func(x, y int) bool {
		if ms[x].i != ms[y].i {
			return ms[x].i < ms[y].i
		}
		return ms[x].j < ms[y].j
	})
	var s Shared
	seen := map[string]bool{}
	spansA := make([][2]int, len(ms))
	spansB := make([][2]int, len(ms))
	// Runs are told apart by their folded text, sliced from one string
	// rather than copied for each run.
	str, at := string(a.runes), byteOffsets(a.runes)
	for k, m := range ms {
		spansA[k] = [2]int{m.i, m.i + m.n}
		spansB[k] = [2]int{m.j, m.j + m.n}
		if len(s.Runs) == MaxRuns {
			continue
		}
		key := str[at[m.i]:at[m.i+m.n]]
		if seen[key] {
			continue
		}
		seen[key] = true
		s.Runs = append(s.Runs, Run{A: a.text[a.off[m.i]:a.off[m.i+m.n]], B: b.text[b.off[m.j]:b.off[m.j+m.n]], Len: m.n})
	}
	s.ShareA = ratio(covered(spansA), len(a.runes))
	s.ShareB = ratio(covered(spansB), len(b.runes))
	return s
}

// byteOffsets gives the byte offset in string(rs) of each rune, and the
// length last.
func byteOffsets(rs []rune) []int {
	at := make([]int, len(rs)+1)
	for i, r := range rs {
		at[i+1] = at[i] + utf8.RuneLen(r)
	}
	return at
}

// maximalRuns finds every maximal run a[i:i+n] == b[j:j+n] with n >= minRun,
// comparing every pair of start positions: fine for two clauses, which is
// all Diff compares (Lineage finds its runs through an index instead). It
// asks stop every 64Ki steps and returns what it found once stop says so.
func maximalRuns(a, b []rune, minRun int, stop func() bool) []match {
	var out []match
	steps := 0
	step := func() bool {
		steps++
		return steps&0xffff == 0 && stop()
	}
	for i := range a {
		for j := range b {
			if step() {
				return out
			}
			if i > 0 && j > 0 && a[i-1] == b[j-1] {
				continue // inside a longer run
			}
			n := 0
			for i+n < len(a) && j+n < len(b) && a[i+n] == b[j+n] {
				n++
				if step() {
					return out
				}
			}
			if n >= max(minRun, 1) {
				out = append(out, match{i, j, n})
			}
		}
	}
	return out
}
