package analysis

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what a diff segment does.
type Op int8

// The diff operations.
const (
	Equal Op = iota
	Delete
	Insert
	// Moved is a sentence both texts contain, at different places: shown
	// where it stands in a (A set) and where it stands in b (B set).
	Moved
)

func (o Op) String() string {
	switch o {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	case Moved:
		return "moved"
	}
	return "equal"
}

// Segment is one piece of a diff in the original texts: A is text of side a
// (empty for Insert), B text of side b (empty for Delete). The two texts of
// an Equal segment are equal after folding, not necessarily as written.
type Segment struct {
	Op   Op
	A, B string
}

// Run is a stretch of text shared by two sides, in each side's original
// form; Len counts folded runes.
type Run struct {
	A, B string
	Len  int
}

// DefaultDiffTimeout bounds a diff when DiffOptions.Timeout is zero.
const DefaultDiffTimeout = 2 * time.Second

// DiffOptions tunes Diff.
type DiffOptions struct {
	// Timeout bounds the whole diff; zero or less means DefaultDiffTimeout.
	Timeout time.Duration
	// MinRun is the shortest equal run reported in SharedRuns and counted
	// in the shares; equal runs this long are never merged into edits.
	MinRun int
}

// DiffResult is a diff of two texts.
type DiffResult struct {
	// Segments reassemble the inputs: the A texts of the Equal, Delete and
	// Moved segments concatenate to a, the B texts of Equal, Insert and
	// Moved to b.
	Segments []Segment
	// SharedRuns and the shares are the text a and b have in common, in
	// any order, by the definition Lineage uses (see Shared).
	SharedRuns     []Run
	ShareA, ShareB float64
	// TimedOut says the time ran out, so some changed stretch is shown as
	// deleted and reinserted wholesale rather than diffed in detail.
	TimedOut bool
}

// Diff compares a and b on their folded text and reports the result in
// terms of the original texts, so a Traditional clause diffs cleanly against
// a Simplified one.
//
// It works in two passes, because character diffs of Chinese drift across
// sentence ends: first whole sentences (see Sentences) are compared as
// tokens, then the characters of each stretch of changed sentences. Short
// equalities no longer than the edits on both sides are then merged into
// those edits (the rule of diff-match-patch's semantic cleanup, which itself
// mis-slices multi-byte text), so that shared particles such as 的 or 和 do
// not chop a rewritten passage into confetti; equalities of MinRun runes or
// more are kept.
func Diff(a, b string, opts DiffOptions) DiffResult {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultDiffTimeout
	}
	ra, offA := textnorm.FoldIndex(a)
	rb, offB := textnorm.FoldIndex(b)
	d := &differ{dmp: diffmatchpatch.New(), deadline: time.Now().Add(opts.Timeout)}

	sa, sb := sentenceBounds(ra), sentenceBounds(rb)
	ta, tb := tokenize(ra, sa, rb, sb)
	var spans []span
	pa, pb := 0, 0 // sentences already turned into spans
	na, nb := 0, 0 // sentences up to the current point
	// flush diffs the characters of the changed sentences.
	flush := func() {
		spans = append(spans, d.chars(ra, sa[pa], sa[na], rb, sb[pb], sb[nb])...)
		pa, pb = na, nb
	}
	for _, op := range d.diff(ta, tb) {
		n := utf8.RuneCountInString(op.Text)
		switch op.Type {
		case diffmatchpatch.DiffDelete:
			na += n
		case diffmatchpatch.DiffInsert:
			nb += n
		case diffmatchpatch.DiffEqual:
			flush()
			na, nb = na+n, nb+n
			spans = append(spans, span{eq: true, a0: sa[pa], a1: sa[na], b0: sb[pb], b1: sb[nb]})
			pa, pb = na, nb
		}
	}
	na, nb = len(sa)-1, len(sb)-1 // the rest: all of it if time ran out first
	flush()

	spans = absorb(merge(spans), opts.MinRun)
	fa, fb := folded{a, ra, offA}, folded{b, rb, offB}
	strA, strB := string(ra), string(rb)
	var segs []Segment
	for _, s := range spans {
		if s.eq {
			segs = appendSegment(segs, Equal, a[offA[s.a0]:offA[s.a1]], b[offB[s.b0]:offB[s.b1]])
			continue
		}
		segs = appendChanged(segs, fa, sa, s.a0, s.a1, strB, Delete, opts.MinRun, d.expired)
		segs = appendChanged(segs, fb, sb, s.b0, s.b1, strA, Insert, opts.MinRun, d.expired)
	}
	// The shared phrases are searched in the time that is left too: on
	// long repetitive texts that search is quadratic.
	sh := sharedFrom(fa, fb, maximalRuns(ra, rb, opts.MinRun, d.expired))
	return DiffResult{Segments: segs, SharedRuns: sh.Runs, ShareA: sh.ShareA, ShareB: sh.ShareB, TimedOut: d.timedOut}
}

// expired reports whether the deadline has passed, and remembers it.
func (d *differ) expired() bool {
	if !d.timedOut && time.Now().After(d.deadline) {
		d.timedOut = true
	}
	return d.timedOut
}

// appendChanged adds the changed stretch x.runes[from:to] sentence by
// sentence: a sentence the other text also contains, elsewhere, is Moved
// (reordering is the normal case in reused policy text); the rest is op.
// Once stop says the time is up, no more sentences are looked for.
func appendChanged(segs []Segment, x folded, bounds []int, from, to int, other string, op Op, minRun int, stop func() bool) []Segment {
	cuts := []int{from}
	for _, b := range bounds {
		if b > from && b < to {
			cuts = append(cuts, b)
		}
	}
	cuts = append(cuts, to)
	for k := 1; k < len(cuts); k++ {
		piece := x.runes[cuts[k-1]:cuts[k]]
		text := x.text[x.off[cuts[k-1]]:x.off[cuts[k]]]
		o := op
		if core := trimPunct(piece); len(core) >= max(minRun, 4) && !stop() && strings.Contains(other, string(core)) {
			o = Moved
		}
		if op == Delete {
			segs = appendSegment(segs, o, text, "")
		} else {
			segs = appendSegment(segs, o, "", text)
		}
	}
	return segs
}

// trimPunct drops the punctuation and spaces around a sentence, which may
// differ where the same sentence ends a clause in one text and not the other.
func trimPunct(rs []rune) []rune {
	keep := func(r rune) bool { return !unicode.IsPunct(r) && !unicode.IsSpace(r) }
	for len(rs) > 0 && !keep(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && !keep(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// appendSegment adds a segment unless it is empty, merging it into the
// previous one with the same op (a folded boundary inside a multi-rune
// normalisation segment can leave an empty or split piece).
func appendSegment(segs []Segment, op Op, a, b string) []Segment {
	if a == "" && b == "" {
		return segs
	}
	if n := len(segs); n > 0 && segs[n-1].Op == op {
		segs[n-1].A += a
		segs[n-1].B += b
		return segs
	}
	return append(segs, Segment{Op: op, A: a, B: b})
}

// span is a stretch of both folded texts, in runes: equal, or an edit that
// deletes a[a0:a1] and inserts b[b0:b1].
type span struct {
	eq             bool
	a0, a1, b0, b1 int
}

func (s span) size() int { return max(s.a1-s.a0, s.b1-s.b0) }

// merge joins neighbouring spans of the same kind.
func merge(spans []span) []span {
	var out []span
	for _, s := range spans {
		if s.a0 == s.a1 && s.b0 == s.b1 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].eq == s.eq {
			out[n-1].a1, out[n-1].b1 = s.a1, s.b1
			continue
		}
		out = append(out, s)
	}
	return out
}

// absorb merges each equality shorter than minRun that is no longer than
// the edits on both sides into one edit with them. Spans alternate after
// merge, so the stack only ever needs its top three.
func absorb(spans []span, minRun int) []span {
	var out []span
	for _, s := range spans {
		out = append(out, s)
		for n := len(out); n >= 3; n = len(out) {
			l, eq, r := out[n-3], out[n-2], out[n-1]
			if l.eq || !eq.eq || r.eq || eq.size() > l.size() || eq.size() > r.size() || minRun > 0 && eq.size() >= minRun {
				break
			}
			out[n-3] = span{a0: l.a0, a1: r.a1, b0: l.b0, b1: r.b1}
			out = out[:n-2]
		}
	}
	return out
}

// sentenceBounds gives the rune index where each sentence of rs starts,
// and len(rs) last.
func sentenceBounds(rs []rune) []int {
	bounds := []int{0}
	n := 0
	for _, s := range Sentences(string(rs)) {
		n += utf8.RuneCountInString(s)
		bounds = append(bounds, n)
	}
	return bounds
}

// tokenize turns each distinct sentence into one rune, so that
// diff-match-patch compares sentences as units. Token runes skip the
// surrogate range, which would not survive conversion to string.
func tokenize(ra []rune, boundsA []int, rb []rune, boundsB []int) (ta, tb []rune) {
	ids := map[string]rune{}
	tok := func(rs []rune, bounds []int) []rune {
		out := make([]rune, len(bounds)-1)
		for i := range out {
			s := string(rs[bounds[i]:bounds[i+1]])
			id, ok := ids[s]
			if !ok {
				id = rune(len(ids))
				if id >= 0xd800 {
					id += 0x800
				}
				ids[s] = id
			}
			out[i] = id
		}
		return out
	}
	return tok(ra, boundsA), tok(rb, boundsB)
}

// differ runs diff-match-patch against one deadline for the whole Diff.
type differ struct {
	dmp      *diffmatchpatch.DiffMatchPatch
	deadline time.Time
	timedOut bool
}

// diff diffs x and y in the time left. When none is left it returns nil and
// the caller treats x and y as replaced wholesale; when the time ran out
// during the diff, diff-match-patch may have done the same.
func (d *differ) diff(x, y []rune) []diffmatchpatch.Diff {
	left := time.Until(d.deadline)
	if left <= 0 { // DiffTimeout <= 0 would mean no limit at all
		d.timedOut = true
		return nil
	}
	d.dmp.DiffTimeout = left
	ops := d.dmp.DiffMainRunes(x, y, false)
	if time.Now().After(d.deadline) {
		d.timedOut = true
	}
	return ops
}

// chars diffs ra[a0:a1] against rb[b0:b1] character by character.
func (d *differ) chars(ra []rune, a0, a1 int, rb []rune, b0, b1 int) []span {
	whole := []span{{a0: a0, a1: a1, b0: b0, b1: b1}}
	if a0 == a1 || b0 == b1 {
		return whole
	}
	ops := d.diff(ra[a0:a1], rb[b0:b1])
	if ops == nil {
		return whole
	}
	var out []span
	for _, op := range ops {
		n := utf8.RuneCountInString(op.Text)
		s := span{eq: op.Type == diffmatchpatch.DiffEqual, a0: a0, a1: a0, b0: b0, b1: b0}
		if op.Type != diffmatchpatch.DiffInsert {
			s.a1 += n
		}
		if op.Type != diffmatchpatch.DiffDelete {
			s.b1 += n
		}
		a0, b0 = s.a1, s.b1
		out = append(out, s)
	}
	return out
}
