package report

import "strings"

// clean removes what must never reach a terminal or a file: C0 and C1
// controls (but newline and tab), DEL, and bidi overrides that can reorder
// what a reader sees.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
			return -1
		}
		return r
	}, s)
}

// forTerminal also replaces the ideographic space, which lipgloss wraps badly.
func forTerminal(s string) string {
	return strings.ReplaceAll(clean(s), "\u3000", "  ")
}
