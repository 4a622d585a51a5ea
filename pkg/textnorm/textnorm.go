// Package textnorm normalises text for matching and sanitises it for display.
//
// Fold is for comparing: search, similarity and diff run on folded text and
// report the original. Strip is for showing text on a terminal.
package textnorm

//go:generate go run ./internal/gen -dir /usr/share/opencc -o tables_generated.go

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

type runePair struct{ t, s rune }

type phrasePair struct{ t, s string }

// Fold returns s in the form used for matching: NFKC, width-folded,
// Traditional characters mapped to Simplified (OpenCC's tables, phrases
// first, then single characters), lower-cased. Never display its result.
func Fold(s string) string { return string(FoldRunes(s)) }

// FoldRunes is Fold as runes, for matching code that works rune by rune.
func FoldRunes(s string) []rune {
	runes, _ := fold(s, false)
	return runes
}

// FoldIndex folds s like Fold and says where each folded rune came from:
// offsets[i] is the byte offset in s of the normalisation segment that
// produced runes[i], and offsets[len(runes)] == len(s). Offsets never
// decrease, so s[offsets[i]:offsets[j]] is the original text of runes[i:j]
// (a segment that folds into several runes belongs to the range holding the
// last of them).
func FoldIndex(s string) (runes []rune, offsets []int) { return fold(s, true) }

// fold is FoldIndex, leaving out the offsets when they are not wanted.
func fold(s string, withOffsets bool) (runes []rune, offsets []int) {
	runes = make([]rune, 0, len(s)/2)
	if withOffsets {
		offsets = make([]int, 0, len(s)/2+1)
	}
	var it norm.Iter
	for i := 0; i < len(s); {
		// Most of the text is CJK ideographs, ASCII and fullwidth
		// punctuation, which fold one to one: such a rune followed by
		// another is a segment of its own, folded without the normaliser.
		if r, n := plainAt(s, i); n > 0 && (i+n == len(s) || plainFrom(s, i+n)) {
			runes = append(runes, unicode.ToLower(r))
			if withOffsets {
				offsets = append(offsets, i)
			}
			i += n
			continue
		}
		// Otherwise normalise segment by segment until plain text resumes.
		it.InitString(norm.NFKC, s[i:])
		base := i
		for !it.Done() {
			start := base + it.Pos()
			for _, r := range string(it.Next()) {
				if w := width.LookupRune(r).Folded(); w != 0 {
					r = w
				}
				runes = append(runes, unicode.ToLower(r))
				if withOffsets {
					offsets = append(offsets, start)
				}
			}
			i = base + it.Pos()
			if i < len(s) && plainFrom(s, i) {
				break
			}
		}
	}
	if withOffsets {
		offsets = append(offsets, len(s))
	}
	simplify(runes)
	return runes, offsets
}

// plainAt decodes the rune at s[i] if it is plain, and returns what NFKC
// and width folding make of it: printable ASCII, CJK unified ideographs, 、
// and 。 stay as they are, and fullwidth ASCII (，：；（）…) becomes ASCII.
// Plain runes never combine with the rune before them. n is 0 otherwise.
func plainAt(s string, i int) (r rune, n int) {
	if c := s[i]; c >= 0x20 && c < 0x7f {
		return rune(c), 1
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	switch {
	case r >= 0x4e00 && r <= 0x9fff || r == '、' || r == '。':
		return r, n
	case r >= 0xff01 && r <= 0xff5e:
		return r - 0xfee0, n
	}
	return 0, 0
}

// plainFrom reports whether s[i:] starts with two plain runes, or one at
// the end: the first then begins a segment and ends it.
func plainFrom(s string, i int) bool {
	_, n := plainAt(s, i)
	if n == 0 {
		return false
	}
	if i+n == len(s) {
		return true
	}
	_, m := plainAt(s, i+n)
	return m > 0
}

// simplify maps Traditional to Simplified in place; every mapping keeps the
// length, so offsets stay valid. Like OpenCC, the longest phrase wins.
func simplify(rs []rune) {
	trad := traditional()
	for i := 0; i < len(rs); {
		if r := rs[i]; int(r)/64 < len(trad) && trad[r/64]&(1<<(r%64)) == 0 {
			i++ // neither a Traditional character nor the start of a phrase
			continue
		}
		if n := matchPhrase(rs[i:]); n > 0 {
			i += n
			continue
		}
		rs[i] = simplifyRune(rs[i])
		i++
	}
}

func simplifyRune(r rune) rune {
	i := sort.Search(len(tsChars), func(i int) bool { return tsChars[i].t >= r })
	if i < len(tsChars) && tsChars[i].t == r {
		return tsChars[i].s
	}
	return r
}

// traditional is a bit set of the runes below U+30000 that start a phrase
// or map to another character: simplify skips every other rune without a
// search, which is most of a Simplified text.
var traditional = sync.OnceValue(func() []uint64 {
	bits := make([]uint64, 0x30000/64)
	set := func(r rune) {
		if int(r)/64 < len(bits) {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	for _, p := range tsChars {
		set(p.t)
	}
	for _, p := range tsPhrases {
		r, _ := utf8.DecodeRuneInString(p.t)
		set(r)
	}
	return bits
})

// phrasesByFirst indexes tsPhrases by first rune, longest first. It is
// built on first use, so commands that never fold text do not pay for it.
var phrasesByFirst = sync.OnceValue(func() map[rune][][2][]rune {
	m := map[rune][][2][]rune{}
	for _, p := range tsPhrases {
		t := []rune(p.t)
		m[t[0]] = append(m[t[0]], [2][]rune{t, []rune(p.s)})
	}
	for _, ps := range m {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i][0]) > len(ps[j][0]) })
	}
	return m
})

// matchPhrase rewrites the longest phrase at the start of rs and returns its
// length, or 0.
func matchPhrase(rs []rune) int {
	for _, p := range phrasesByFirst()[rs[0]] {
		if len(p[0]) <= len(rs) && equalRunes(p[0], rs[:len(p[0])]) {
			copy(rs, p[1])
			return len(p[0])
		}
	}
	return 0
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Clean makes s safe to print or export: it removes C0 and C1 control
// characters other than newline and tab, DEL, and the bidirectional controls
// (embeddings, overrides, isolates, LRM/RLM/ALM) that could reorder what a
// reader sees. Invalid UTF-8 becomes U+FFFD.
func Clean(s string) string { return sanitize(s, false) }

// Strip is Clean for terminals: it also replaces the ideographic space
// U+3000, which table layout wraps badly, by two spaces.
func Strip(s string) string { return sanitize(s, true) }

func sanitize(s string, terminal bool) string {
	// Most text has nothing to remove: return it without copying.
	if !needsSanitizing(s, terminal) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		case r == 0x3000 && terminal:
			b.WriteString("  ")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsSanitizing(s string, terminal bool) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f: // printable ASCII, most of any report: one test
		case r == '\n' || r == '\t':
		case r < 0x20 || r >= 0x7f && r <= 0x9f, r == utf8.RuneError:
			return true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return true
		case r == 0x3000 && terminal:
			return true
		}
	}
	return false
}
