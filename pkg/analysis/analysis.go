// Package analysis looks at the texts themselves: sentence-aware diffs,
// verbatim reuse between documents (lineage), term counts and keywords in
// context, distinctive vocabulary, and retrieval of candidate counterparts.
//
// Everything matches on text folded by textnorm.Fold (so Traditional and
// Simplified, full- and half-width compare equal) and reports the original
// text. Functions take values and return values; nothing here prints.
package analysis

import "unicode"

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// hanBigrams calls fn for each pair of adjacent Han characters in rs; any
// other rune (punctuation, space, Latin) breaks the chain.
func hanBigrams(rs []rune, fn func([2]rune)) {
	for i := 1; i < len(rs); i++ {
		if isHan(rs[i-1]) && isHan(rs[i]) {
			fn([2]rune{rs[i-1], rs[i]})
		}
	}
}
