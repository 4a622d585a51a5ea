package report

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Background is what is known of the terminal's background colour.
type Background uint8

// Backgrounds. With BackgroundUnknown the theme uses the terminal's own
// palette (ANSI colours 1, 2, 3, 6), which the user has already made to
// read on their background; a known background picks colours from the
// 256-colour cube that reach a contrast of 4.5:1 on it.
const (
	BackgroundUnknown Background = iota
	BackgroundDark
	BackgroundLight
)

// Theme is crosswalk's one terminal style sheet: the style of every mark,
// the borders, and what browse adds (cursor, title, status line). Reports
// and browse both draw with it. Its styles are lipgloss styles; where a
// style has no colours (no colour, or ASCII) they render text unchanged.
type Theme struct {
	// Color is false for plain and ASCII themes: no escape codes at all.
	Color bool
	// ASCII draws borders and glyphs in ASCII.
	ASCII bool
	// Border is the table border: lipgloss's normal border, or its ASCII one.
	Border lipgloss.Border

	// Cursor marks the selected cell or line in browse; Title and Status
	// style its top and bottom lines; Key styles a key name in its help.
	Cursor, Title, Status, Key lipgloss.Style

	st    style
	marks [len(markNames)]lipgloss.Style
	// sgr holds each mark's opening and closing escape sequences, taken
	// from its lipgloss style once, so painting a run of text costs one
	// pair of sequences however long the run (lipgloss itself styles
	// underlined text character by character).
	sgr [len(markNames)][2]string
}

// NewTheme builds the style sheet for a terminal: with colour (o.Color),
// plain, or ASCII (o.ASCII wins over colour, as --ascii is for terminals
// that draw little), on background bg.
func NewTheme(o TermOptions, bg Background) *Theme {
	t := &Theme{Color: o.Color && !o.ASCII, ASCII: o.ASCII, Border: lipgloss.NormalBorder(), st: stylePlain}
	switch {
	case o.ASCII:
		t.st, t.Border = styleASCII, lipgloss.ASCIIBorder()
	case o.Color:
		t.st = styleColor
	}
	plain := lipgloss.NewStyle()
	t.Cursor, t.Title, t.Status, t.Key = plain, plain, plain, plain
	if !t.Color {
		return t
	}
	// adaptive picks a stance colour: the palette colour when the
	// background is unknown, else one chosen for that background.
	adaptive := func(basic, light, dark string) color.Color {
		if bg == BackgroundUnknown {
			return lipgloss.Color(basic)
		}
		return lipgloss.LightDark(bg == BackgroundDark)(lipgloss.Color(light), lipgloss.Color(dark))
	}
	green := adaptive("2", "28", "42")
	yellow := adaptive("3", "130", "178")
	red := adaptive("1", "124", "203")
	cyan := adaptive("6", "30", "44")
	s := lipgloss.NewStyle
	t.marks = [len(markNames)]lipgloss.Style{
		MarkNone:      s(),
		MarkQuote:     s().Bold(true).Underline(true),
		MarkBold:      s().Bold(true),
		MarkDim:       s().Faint(true),
		MarkAligned:   s().Foreground(green),
		MarkPartial:   s().Foreground(yellow),
		MarkDivergent: s().Foreground(red).Bold(true),
		MarkSilent:    s().Faint(true),
		MarkInsert:    s().Foreground(green).Underline(true),
		MarkDelete:    s().Foreground(red).Strikethrough(true),
		MarkBar:       s(),
		MarkMoved:     s().Foreground(cyan).Italic(true),
	}
	for m, st := range t.marks {
		open, shut, _ := strings.Cut(st.Render("x"), "x")
		t.sgr[m] = [2]string{open, shut}
	}
	t.Cursor = s().Reverse(true)
	t.Title = s().Bold(true)
	t.Status = s().Faint(true)
	t.Key = s().Bold(true)
	return t
}

// Style is the lipgloss style of mark m (an unstyled one without colour).
func (t *Theme) Style(m Mark) lipgloss.Style { return t.marks[m] }

// Render styles one run of text with mark m.
func (t *Theme) Render(m Mark, s string) string {
	if !t.Color || s == "" {
		return s
	}
	sgr := t.sgr[m]
	if sgr[0] == "" {
		return s
	}
	return sgr[0] + s + sgr[1]
}
