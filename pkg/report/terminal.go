package report

import (
	"io"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// TermOptions are what the terminal renderer needs to know about the screen.
type TermOptions struct {
	Width int
	Color bool
	// ASCII draws borders and marks with plain ASCII for limited terminals.
	ASCII bool
	// Background is the terminal's background, when known, for colours
	// that read on it.
	Background Background
}

// MinWidth is the narrowest layout the renderer attempts; narrower
// terminals get this width. At 10 columns, where it once stood, most
// reports could not fit a clause ID and its stance; at 40 every one fits.
const MinWidth = 40

type term struct {
	o  TermOptions
	st style
	th *Theme
}

// Terminal renders a doc for a person at a terminal, or for a pipe: then
// with no escape codes at all and visible markers for marked text.
func Terminal(w io.Writer, d *Doc, o TermOptions) error {
	out := NewTheme(o, o.Background).DocLines(d, o.Width)
	_, err := io.WriteString(w, strings.Join(out, "\n")+"\n")
	return err
}

// DocLines lays d out at width w as the terminal renderer does, one string
// per line, each at most w columns wide (browse shows reports this way).
func (th *Theme) DocLines(d *Doc, w int) []string {
	w = max(w, MinWidth)
	t := newTerm(TermOptions{Width: w, Color: th.Color, ASCII: th.ASCII}, th)
	var out []string
	if d.Title != "" {
		out = append(out, t.lines(Marked(d.Title, MarkBold), w)...)
	}
	for _, m := range d.Meta {
		out = append(out, t.lines(Marked(m.Label+": ", MarkDim).With(m.Value...), w)...)
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Heading:
			out = append(out, "")
			out = append(out, t.lines(Marked(b.Text, MarkBold), w)...)
		case Para:
			out = append(out, t.lines(b.Text, w)...)
		case Fields:
			out = append(out, t.fields(b, w)...)
		case *Table:
			out = append(out, t.table(b)...)
		}
	}
	if l := legend(d, t.st); len(l) > 0 {
		out = append(out, "")
		for _, line := range l {
			out = append(out, t.lines(Marked(line, MarkDim), w)...)
		}
	}
	return out
}

// Lines wraps x to width w by the renderer's line-breaking rules and
// styles each line: the one path from rich text to terminal lines.
func (th *Theme) Lines(x Text, w int) []string {
	return newTerm(TermOptions{Width: w, Color: th.Color, ASCII: th.ASCII}, th).lines(x, max(w, 1))
}

// FieldLines lays out labelled values at width w, as reports do.
func (th *Theme) FieldLines(f Fields, w int) []string {
	return newTerm(TermOptions{Width: w, Color: th.Color, ASCII: th.ASCII}, th).fields(f, max(w, 1))
}

// Line draws x on one line of at most w columns, cut with "…" if longer.
func (th *Theme) Line(x Text, w int) string {
	t := newTerm(TermOptions{Width: w, Color: th.Color, ASCII: th.ASCII}, th)
	return t.paint(Truncate(t.display(x), max(w, 1)))
}

// ColumnWidths sizes the columns of tb for avail content columns exactly
// as the terminal table does (borders and padding not counted); ok is
// false when even the narrowest layout does not fit.
func (th *Theme) ColumnWidths(tb *Table, avail int) (widths []int, ok bool) {
	t := newTerm(TermOptions{Width: avail, Color: th.Color, ASCII: th.ASCII}, th)
	cells := make([][]Text, len(tb.Rows))
	for i, r := range tb.Rows {
		cells[i] = make([]Text, len(tb.Columns))
		for j := range tb.Columns {
			if j < len(r) {
				cells[i][j] = t.display(r[j])
			}
		}
	}
	return columnWidths(tb, cells, avail)
}

func newTerm(o TermOptions, th *Theme) *term {
	return &term{o: o, st: th.st, th: th}
}

// display turns rich text into what is drawn: glyphs become symbols, text
// is sanitised, and without colour marked runs get visible markers.
func (t *term) display(x Text) Text {
	out := make(Text, 0, len(x)) // one segment out per segment in: sized, not grown
	for _, s := range x {
		if s.Glyph != GlyphNone {
			out = append(out, Seg{Text: glyphText(s.Glyph, t.st), Mark: s.Mark})
			continue
		}
		s.Text = textnorm.Strip(s.Text)
		if s.Mark == MarkBar && t.st == styleASCII {
			s.Text = asciiBar(s.Text)
		}
		if t.st != styleColor && s.Text != "" {
			open, shut := markers(s.Mark, t.st)
			s.Text = open + s.Text + shut
		}
		out = append(out, s)
	}
	return out
}

// asciiBar redraws a bar with # for each full cell, rounding the rest.
func asciiBar(bar string) string {
	full, part := strings.Count(bar, "█"), 0
	for _, r := range bar {
		if r > '█' && r <= '▏' {
			part = int('▏'-r) + 1 // ▉ is 7 eighths … ▏ is 1
		}
	}
	if part >= 4 {
		full++
	}
	return strings.Repeat("#", full)
}

func markers(m Mark, st style) (string, string) {
	switch m {
	case MarkQuote:
		if st == styleASCII {
			return "[[", "]]"
		}
		return "⟦", "⟧"
	case MarkInsert:
		return "{+", "+}"
	case MarkDelete:
		return "[-", "-]"
	case MarkMoved:
		return "{~", "~}"
	}
	return "", ""
}

// lines wraps x to width w and styles each line.
func (t *term) lines(x Text, w int) []string {
	var out []string
	for _, l := range Wrap(t.display(x), w) {
		out = append(out, t.paint(l))
	}
	return out
}

// paint styles one line: one escape sequence per run, never per character.
func (t *term) paint(x Text) string {
	if len(x) == 1 {
		return t.th.Render(x[0].Mark, x[0].Text)
	}
	var b strings.Builder
	for _, s := range x {
		b.WriteString(t.th.Render(s.Mark, s.Text))
	}
	return b.String()
}

// fields renders "Label  value" with values wrapped under themselves. A
// field whose label or unbreakable value does not fit beside the label
// column is stacked instead: the label on its own line, the value below.
func (t *term) fields(f Fields, w int) []string {
	lw := 0
	for _, x := range f {
		if width(x.Label)+2 <= w/3 {
			lw = max(lw, width(x.Label)+2)
		}
	}
	var out []string
	for _, x := range f {
		label := t.paint(Marked(x.Label, MarkDim))
		if width(x.Label)+2 > lw || minWidth(t.display(x.Value)) > w-lw {
			out = append(out, label)
			out = append(out, t.lines(x.Value, w)...)
			continue
		}
		for i, v := range t.lines(x.Value, w-lw) {
			if i == 0 {
				v = label + strings.Repeat(" ", lw-width(x.Label)) + v
			} else {
				v = strings.Repeat(" ", lw) + v
			}
			out = append(out, strings.TrimRight(v, " "))
		}
	}
	return out
}
