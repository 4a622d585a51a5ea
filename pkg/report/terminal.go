package report

import (
	"io"
	"strings"

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

// MinWidth is the narrowest layout the renderer attempts; narrower
// terminals get this width. At 10 columns, where it once stood, most
// reports could not fit a clause ID and its stance; at 40 every one fits.
const MinWidth = 40

type term struct {
	o  TermOptions
	st style
}

// Terminal renders a doc for a person at a terminal, or for a pipe: then
// with no escape codes at all and visible markers for marked text.
func Terminal(w io.Writer, d *Doc, o TermOptions) error {
	o.Width = max(o.Width, MinWidth)
	t := &term{o: o, st: stylePlain}
	if o.ASCII {
		t.st = styleASCII
	} else if o.Color {
		t.st = styleColor
	}
	var out []string
	if d.Title != "" {
		out = append(out, t.lines(Marked(d.Title, MarkBold), o.Width)...)
	}
	for _, m := range d.Meta {
		out = append(out, t.lines(Marked(m.Label+": ", MarkDim).With(m.Value...), o.Width)...)
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Heading:
			out = append(out, "")
			out = append(out, t.lines(Marked(b.Text, MarkBold), o.Width)...)
		case Para:
			out = append(out, t.lines(b.Text, o.Width)...)
		case Fields:
			out = append(out, t.fields(b, o.Width)...)
		case *Table:
			out = append(out, t.table(b)...)
		}
	}
	if l := legend(d, t.st); len(l) > 0 {
		out = append(out, "")
		for _, line := range l {
			out = append(out, t.lines(Marked(line, MarkDim), o.Width)...)
		}
	}
	_, err := io.WriteString(w, strings.Join(out, "\n")+"\n")
	return err
}

// display turns rich text into what is drawn: glyphs become symbols, text
// is sanitised, and without colour marked runs get visible markers.
func (t *term) display(x Text) Text {
	var out Text
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
	var b strings.Builder
	for _, s := range x {
		if t.st != styleColor || s.Mark == MarkNone || s.Text == "" {
			b.WriteString(s.Text)
			continue
		}
		st := termenv.String(s.Text)
		p := termenv.ANSI256
		switch s.Mark {
		case MarkQuote:
			st = st.Bold().Underline()
		case MarkBold:
			st = st.Bold()
		case MarkDim, MarkSilent:
			st = st.Faint()
		case MarkAligned:
			st = st.Foreground(p.Color("2"))
		case MarkPartial:
			st = st.Foreground(p.Color("3"))
		case MarkDivergent:
			st = st.Foreground(p.Color("1")).Bold()
		case MarkInsert:
			st = st.Foreground(p.Color("2")).Underline()
		case MarkDelete:
			st = st.Foreground(p.Color("1")).CrossOut()
		case MarkMoved:
			st = st.Foreground(p.Color("6")).Italic()
		}
		b.WriteString(st.String())
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
