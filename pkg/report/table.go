package report

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// table draws t within the terminal width. Columns start at their widest
// unbreakable unit and share the spare width in proportion to what they
// still lack; when even the minimum does not fit, each row is shown as a
// record (label: value lines) instead, so nothing overflows.
func (t *term) table(tb *Table) []string {
	n := len(tb.Columns)
	if n == 0 {
		return nil
	}
	cells := make([][]Text, len(tb.Rows))
	for i, r := range tb.Rows {
		cells[i] = make([]Text, n)
		for j := range n {
			if j < len(r) {
				cells[i][j] = t.display(r[j])
			}
		}
	}
	widths, ok := columnWidths(tb, cells, t.o.Width-(3*n+1))
	if !ok {
		return t.records(tb)
	}
	b := t.th.Border
	rule := func(l, m, r string) string {
		parts := make([]string, n)
		for j, w := range widths {
			parts[j] = strings.Repeat(b.Top, w+2)
		}
		return t.paint(Marked(l+strings.Join(parts, m)+r, MarkDim))
	}
	head := make([]Text, n)
	for j, c := range tb.Columns {
		head[j] = Marked(c.Header, MarkBold)
	}
	out := []string{rule(b.TopLeft, b.MiddleTop, b.TopRight)}
	out = append(out, t.row(tb, head, widths, b)...)
	out = append(out, rule(b.MiddleLeft, b.Middle, b.MiddleRight))
	multi := false
	for _, r := range cells {
		for j, c := range r {
			multi = multi || (!tb.Columns[j].Truncate && maxLineWidth(c) > widths[j]) || strings.Contains(c.String(), "\n")
		}
	}
	for i, r := range cells {
		if multi && i > 0 {
			out = append(out, rule(b.MiddleLeft, b.Middle, b.MiddleRight))
		}
		out = append(out, t.row(tb, r, widths, b)...)
	}
	return append(out, rule(b.BottomLeft, b.MiddleBottom, b.BottomRight))
}

// row draws one table row, its cells wrapped (or truncated) to width.
func (t *term) row(tb *Table, r []Text, widths []int, b lipgloss.Border) []string {
	cols := make([][]Text, len(r))
	height := 1
	for j, c := range r {
		if tb.Columns[j].Truncate {
			cols[j] = truncLines(c, widths[j])
		} else {
			cols[j] = Wrap(c, widths[j])
		}
		height = max(height, len(cols[j]))
	}
	v := t.paint(Marked(b.Left, MarkDim))
	var out []string
	for i := range height {
		var sb strings.Builder
		sb.WriteString(v)
		for j := range r {
			var l Text
			if i < len(cols[j]) {
				l = cols[j][i]
			}
			sb.WriteString(" " + t.paint(l) + strings.Repeat(" ", widths[j]-width(l.String())+1) + v)
		}
		out = append(out, sb.String())
	}
	return out
}

// truncLines cuts every line of c to width w.
func truncLines(c Text, w int) []Text {
	var out []Text
	s := c.String()
	off := 0
	for _, l := range strings.Split(s, "\n") {
		out = append(out, Truncate(c.slice(off, off+len(l)), w))
		off += len(l) + 1
	}
	return out
}

// columnWidths sizes columns to fit avail content columns: natural widths
// when they fit, else minimum widths plus a share of the rest. ok is false
// when the minimum widths alone do not fit.
func columnWidths(tb *Table, cells [][]Text, avail int) (widths []int, ok bool) {
	n := len(tb.Columns)
	minW, pref := make([]int, n), make([]int, n)
	for j, c := range tb.Columns {
		minW[j], pref[j] = minWidth(Plain(c.Header)), maxLineWidth(Plain(c.Header))
		for _, r := range cells {
			pref[j] = max(pref[j], maxLineWidth(r[j]))
			if !c.Truncate {
				minW[j] = max(minW[j], minWidth(r[j]))
			}
		}
		if c.Truncate {
			minW[j] = max(minW[j], min(pref[j], 16))
		}
	}
	sumMin, sumPref := 0, 0
	for j := range n {
		sumMin, sumPref = sumMin+minW[j], sumPref+pref[j]
	}
	if sumPref <= avail {
		return pref, true
	}
	if sumMin > avail {
		return nil, false
	}
	widths = append([]int(nil), minW...)
	spare, lack := avail-sumMin, sumPref-sumMin
	given := 0
	for j := range n {
		g := spare * (pref[j] - minW[j]) / lack
		widths[j] += g
		given += g
	}
	// Rounding leaves a few columns over; give them out left to right.
	for j := 0; given < spare && j < n; j++ {
		if widths[j] < pref[j] {
			widths[j]++
			given++
		}
	}
	return widths, true
}

// records shows a table too wide for the terminal as one block per row.
func (t *term) records(tb *Table) []string {
	var out []string
	for i, r := range tb.Rows {
		if i > 0 {
			out = append(out, "")
		}
		var f Fields
		for j, c := range tb.Columns {
			if j < len(r) {
				f = append(f, Field{Label: c.Header, Value: r[j]})
			}
		}
		out = append(out, t.fields(f, t.o.Width)...)
	}
	return out
}
