package analysis

import "unicode"

// Sentences splits Chinese text after each sentence end — 。！？； and the
// ASCII ! ? ; — keeping the delimiter, any closing quotes or brackets and
// trailing space with the sentence it ends. The ASCII comma is not a
// sentence end, nor is the full stop (it appears in numbers and clause IDs).
// Concatenating the result gives back s exactly.
func Sentences(s string) []string {
	var out []string
	start, ended := 0, false
	for i, r := range s {
		if ended && !trailsSentence(r) {
			out = append(out, s[start:i])
			start, ended = i, false
		}
		if endsSentence(r) {
			ended = true
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func endsSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

// trailsSentence reports whether r stays with the sentence that just ended.
func trailsSentence(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', '\'':
		return true
	}
	return endsSentence(r) || unicode.IsSpace(r)
}
