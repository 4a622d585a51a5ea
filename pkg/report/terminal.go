package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// TermOptions are what the terminal renderer needs to know about the screen.
type TermOptions struct {
	Width int
	Color bool
	// ASCII draws borders and marks with plain ASCII for limited terminals.
	ASCII bool
}

type termStyles struct {
	r     *lipgloss.Renderer
	marks map[Mark]lipgloss.Style
	title lipgloss.Style
	head  lipgloss.Style
	dim   lipgloss.Style
	color bool
}

func newTermStyles(w io.Writer, color bool) *termStyles {
	r := lipgloss.NewRenderer(w)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	s := &termStyles{r: r, color: color}
	s.title = r.NewStyle().Bold(true)
	s.head = r.NewStyle().Bold(true)
	s.dim = r.NewStyle().Faint(true)
	s.marks = map[Mark]lipgloss.Style{
		MarkQuote:     r.NewStyle().Bold(true).Underline(true),
		MarkBold:      r.NewStyle().Bold(true),
		MarkDim:       r.NewStyle().Faint(true),
		MarkAligned:   r.NewStyle().Foreground(lipgloss.Color("2")),
		MarkPartial:   r.NewStyle().Foreground(lipgloss.Color("3")),
		MarkDivergent: r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		MarkSilent:    r.NewStyle().Faint(true),
		MarkInsert:    r.NewStyle().Foreground(lipgloss.Color("2")).Underline(true),
		MarkDelete:    r.NewStyle().Foreground(lipgloss.Color("1")).Strikethrough(true),
	}
	return s
}

// text renders rich text. Without colour, quoted spans and diff runs keep a
// visible plain-text marker so the information survives a pipe.
func (s *termStyles) text(t Text) string {
	var b strings.Builder
	for _, seg := range t {
		txt := textnorm.Strip(seg.Text)
		if !s.color {
			switch seg.Mark {
			case MarkQuote:
				txt = "⟦" + txt + "⟧"
			case MarkInsert:
				txt = "{+" + txt + "+}"
			case MarkDelete:
				txt = "[-" + txt + "-]"
			}
			b.WriteString(txt)
			continue
		}
		if st, ok := s.marks[seg.Mark]; ok && txt != "" {
			// Style line by line so wrapping never splits an escape sequence.
			lines := strings.Split(txt, "\n")
			for i, l := range lines {
				lines[i] = st.Render(l)
			}
			txt = strings.Join(lines, "\n")
		}
		b.WriteString(txt)
	}
	return b.String()
}

// Terminal renders a doc for a person at a terminal (or a pipe: then with no
// escape codes at all, since the renderer's profile is plain ASCII).
func Terminal(w io.Writer, d *Doc, o TermOptions) error {
	if o.Width < 20 {
		o.Width = 20
	}
	s := newTermStyles(w, o.Color)
	var out []string
	if d.Title != "" {
		out = append(out, wrap(s.title.Render(textnorm.Strip(d.Title)), o.Width))
	}
	for _, m := range d.Meta {
		out = append(out, wrap(s.dim.Render(textnorm.Strip(m.Label)+": ")+s.text(m.Value), o.Width))
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Heading:
			out = append(out, "", wrap(s.head.Render(textnorm.Strip(b.Text)), o.Width))
		case Para:
			out = append(out, wrap(s.text(b.Text), o.Width))
		case Fields:
			out = append(out, s.fields(b, o.Width))
		case *Table:
			out = append(out, s.table(b, o))
		}
	}
	if len(d.Legend) > 0 {
		out = append(out, "")
		for _, l := range d.Legend {
			out = append(out, wrap(s.dim.Render(textnorm.Strip(l)), o.Width))
		}
	}
	_, err := fmt.Fprintln(w, trimRight(strings.Join(out, "\n")))
	return err
}

// fields renders "Label  value" with values wrapped under themselves.
func (s *termStyles) fields(f Fields, width int) string {
	lw := 0
	for _, x := range f {
		lw = max(lw, lipgloss.Width(x.Label))
	}
	lw += 2
	if lw > width/3 {
		lw = width / 3
	}
	var lines []string
	for _, x := range f {
		label := s.dim.Render(textnorm.Strip(x.Label)) + strings.Repeat(" ", max(1, lw-lipgloss.Width(x.Label)))
		val := wrap(s.text(x.Value), width-lw)
		for i, l := range strings.Split(val, "\n") {
			if i == 0 {
				lines = append(lines, label+l)
			} else {
				lines = append(lines, strings.Repeat(" ", lw)+l)
			}
		}
	}
	return strings.Join(lines, "\n")
}

func (s *termStyles) table(t *Table, o TermOptions) string {
	border := lipgloss.NormalBorder()
	if o.ASCII {
		border = lipgloss.Border{Top: "-", Bottom: "-", Left: "|", Right: "|", Middle: "+", MiddleLeft: "+", MiddleRight: "+", MiddleTop: "+", MiddleBottom: "+", TopLeft: "+", TopRight: "+", BottomLeft: "+", BottomRight: "+"}
	}
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headers[i] = textnorm.Strip(c.Header)
	}
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(t.Columns))
		for j := range t.Columns {
			if j < len(r) {
				rows[i][j] = s.text(r[j])
			}
		}
	}
	widths := columnWidths(t, headers, rows, o.Width)
	// Rule off rows when any of them spans several lines, so a reader can
	// tell where one row ends.
	multi := false
	for _, r := range rows {
		for j, c := range r {
			multi = multi || strings.Contains(c, "\n") || lipgloss.Width(c) > widths[j]-2
		}
	}
	tb := table.New().Border(border).BorderRow(multi).BorderStyle(s.dim).Headers(headers...).Rows(rows...).
		Wrap(true).StyleFunc(func(row, col int) lipgloss.Style {
		st := s.r.NewStyle().Padding(0, 1).Width(widths[col])
		if row == table.HeaderRow {
			st = st.Bold(true)
		}
		return st
	})
	return tb.Render()
}

// columnWidths fits the table into width: columns take their natural width
// when everything fits; otherwise weighted columns shrink (never below a
// floor) so the rest can stay readable. Widths include the cell padding.
func columnWidths(t *Table, headers []string, rows [][]string, width int) []int {
	n := len(headers)
	natural := make([]int, n)
	for j := range headers {
		natural[j] = lipgloss.Width(headers[j])
		for _, r := range rows {
			for _, l := range strings.Split(r[j], "\n") {
				natural[j] = max(natural[j], lipgloss.Width(l))
			}
		}
		natural[j] += 2
	}
	avail := width - (n + 1) // borders
	total := 0
	for _, w := range natural {
		total += w
	}
	if total <= avail {
		return natural
	}
	widths := append([]int(nil), natural...)
	weightSum, fixed := 0, 0
	for j, c := range t.Columns {
		if c.Weight > 0 {
			weightSum += c.Weight
		} else {
			fixed += widths[j]
		}
	}
	if weightSum == 0 {
		// Nothing marked flexible: every column may shrink.
		for j := range t.Columns {
			t.Columns[j].Weight = 1
		}
		weightSum, fixed = n, 0
	}
	spare := avail - fixed
	const floor = 8
	for j, c := range t.Columns {
		if c.Weight > 0 {
			widths[j] = min(natural[j], max(floor, spare*c.Weight/weightSum))
		}
	}
	// Hand back what capped columns did not use, to the widest flexible ones.
	used := 0
	for _, w := range widths {
		used += w
	}
	for left := avail - used; left > 0; {
		gave := false
		for j, c := range t.Columns {
			if left > 0 && c.Weight > 0 && widths[j] < natural[j] {
				widths[j]++
				left--
				gave = true
			}
		}
		if !gave {
			break
		}
	}
	return widths
}

// wrap wraps text to width columns (CJK may break between any characters).
func wrap(s string, width int) string {
	if width < 1 {
		return s
	}
	return trimRight(lipgloss.NewStyle().Width(width).Render(s))
}

// trimRight drops the trailing spaces lipgloss pads lines with.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
