package report

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// unit is a stretch of text that must not be broken: the text between two
// line-break opportunities, after the project's own rules are applied.
type unit struct {
	start, end int  // byte offsets into the flattened text
	hard       bool // a mandatory break (newline) follows
}

// units splits s at the line-break opportunities of Unicode's line-breaking
// algorithm (UAX #14), so closing punctuation such as 、。」》 never starts a
// line and opening punctuation such as 《「 never ends one. On top of that,
// IDs (cn-position-2024:2.4.3) and diff markers ([-  -]  {+  +}) stay whole.
func units(s string) []unit {
	var out []unit
	state, off := -1, 0
	for rest := s; rest != ""; {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		u := unit{start: off, end: off + len(seg), hard: must && rest != ""}
		off = u.end
		if n := len(out); n > 0 && !out[n-1].hard && glued(s, out[n-1].end) {
			out[n-1].end, out[n-1].hard = u.end, u.hard
			continue
		}
		out = append(out, u)
	}
	return out
}

// glued reports whether a break opportunity at byte i of s must be ignored:
// inside an ID written with hyphens and colons, or next to a diff marker.
func glued(s string, i int) bool {
	before, after := s[:i], s[i:]
	if strings.HasSuffix(before, "[-") || strings.HasSuffix(before, "{+") ||
		strings.HasPrefix(after, "-]") || strings.HasPrefix(after, "+}") {
		return true
	}
	if strings.HasSuffix(before, "-") || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "/") || strings.HasSuffix(before, ".") {
		b := strings.TrimRight(before, "-:/.")
		return b != "" && isIDRune(lastRune(b)) && after != "" && isIDRune(firstRune(after))
	}
	return false
}

func isIDRune(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// width is the number of terminal columns s takes (uniseg). lipgloss v2
// measures with x/ansi (displaywidth); TestWidthAgreesWithLipgloss checks
// the two agree on every clause, glyph and border rune crosswalk draws.
func width(s string) int { return uniseg.StringWidth(s) }

// Width is the number of terminal columns s (without escape codes) takes,
// as the terminal renderer measures it.
func Width(s string) int { return width(s) }

// minWidth is the widest unbreakable unit of t: the narrowest a column
// holding t can be without splitting a word, an ID or a CJK phrase.
func minWidth(t Text) int {
	s := t.String()
	w := 0
	for _, u := range units(s) {
		w = max(w, width(strings.TrimRight(s[u.start:u.end], " \n")))
	}
	return w
}

// maxLineWidth is the widest line of t as written (its preferred width).
func maxLineWidth(t Text) int {
	w := 0
	for _, l := range strings.Split(t.String(), "\n") {
		w = max(w, width(l))
	}
	return w
}

// Wrap breaks rich text into lines of at most w columns. A unit wider than
// w (only possible when w is tiny) is broken between characters.
func Wrap(t Text, w int) []Text {
	s := t.String()
	if w < 1 {
		w = 1
	}
	var lines [][2]int
	lineStart, lineEnd, lineW := 0, 0, 0
	flush := func() {
		lines = append(lines, [2]int{lineStart, trimSpaceEnd(s, lineStart, lineEnd)})
	}
	for _, u := range units(s) {
		uw := width(strings.TrimRight(s[u.start:u.end], " \n"))
		if lineW > 0 && lineW+uw > w {
			flush()
			lineStart, lineW = u.start, 0
		}
		for uw > w { // hard-break an over-long unit by grapheme clusters
			cut := u.start + fitPrefix(s[u.start:u.end], w)
			lines = append(lines, [2]int{lineStart, cut})
			lineStart, u.start = cut, cut
			uw = width(strings.TrimRight(s[u.start:u.end], " \n"))
		}
		body := strings.TrimRight(s[u.start:u.end], "\n")
		lineEnd = u.start + len(body)
		lineW += width(body)
		if u.hard {
			flush()
			lineStart, lineW = u.end, 0
		}
	}
	if lineStart < len(s) || len(lines) == 0 {
		lineEnd = max(lineEnd, lineStart)
		flush()
	}
	out := make([]Text, len(lines))
	for i, l := range lines {
		out[i] = t.slice(l[0], l[1])
	}
	return out
}

func trimSpaceEnd(s string, start, end int) int {
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n') {
		end--
	}
	return end
}

// fitPrefix is the byte length of the longest prefix of s, in whole
// grapheme clusters, that fits in w columns (at least one cluster).
func fitPrefix(s string, w int) int {
	n, used := 0, 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := width(g.Str())
		if used+cw > w && n > 0 {
			break
		}
		_, to := g.Positions()
		n, used = to, used+cw
	}
	return n
}

// slice is the part of t between byte offsets a and b of t.String().
func (t Text) slice(a, b int) Text {
	var out Text
	off := 0
	for _, seg := range t {
		s, e := max(a, off), min(b, off+len(seg.Text))
		if s < e {
			out = append(out, Seg{Text: seg.Text[s-off : e-off], Mark: seg.Mark})
		}
		off += len(seg.Text)
	}
	return out
}

// Truncate shortens t to its first line and at most w columns, ending in
// "…" when something was cut.
func Truncate(t Text, w int) Text {
	s := t.String()
	cut := false
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s, cut = s[:i], true
	}
	if width(s) <= w && (!cut || width(s) < w) {
		if !cut {
			return t
		}
		return append(t.slice(0, len(s)), Seg{Text: "…"})
	}
	n := 0
	if w > 1 {
		n = fitPrefix(s, w-1)
	}
	return append(t.slice(0, len(strings.TrimRight(s[:n], " "))), Seg{Text: "…"})
}
