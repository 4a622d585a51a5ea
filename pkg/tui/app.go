package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// screen is one level of the stack: the matrix, a pair, a document, a diff.
type screen interface {
	// title is the first line of the window.
	title() string
	// body draws exactly h lines, none wider than w.
	body(w, h int) []string
	// resize re-lays the screen out for a body of w×h.
	resize(w, h int)
	// key handles a key the root did not; it may push a screen.
	key(msg tea.KeyPressMsg) tea.Cmd
	// scroll moves by n lines (mouse wheel).
	scroll(n int)
	// find moves to the next (dir 1) or previous (-1) match of q, and says
	// whether there was one.
	find(q string, dir int) bool
	// bindings are the keys that do something here, for the help.
	bindings() [][]key.Binding
}

// Model is the root of browse: the screen stack, help and search.
type Model struct {
	ctx   *Context
	stack []screen
	help  help.Model
	// input is the search being typed: while typing, every key goes to it.
	// (A few lines of our own rather than bubbles' textinput, whose
	// clipboard support costs every crosswalk command start-up time.)
	input  []rune
	typing bool
	query  string // the last search, for n and N
	status string // a one-off message, shown until the next key
}

// New is browse's root model, on the matrix.
func New(o Options) *Model {
	c := newContext(o)
	m := &Model{ctx: c, help: help.New()}
	m.restyle()
	m.push(newMatrix(m, c.Opts.Filter))
	return m
}

// restyle gives the bubbles components the theme's styles.
func (m *Model) restyle() {
	th := m.ctx.Theme
	st := help.Styles{ShortKey: th.Key, FullKey: th.Key, ShortDesc: th.Status, FullDesc: th.Status,
		ShortSeparator: th.Status, FullSeparator: th.Status, Ellipsis: th.Status}
	m.help.Styles = st
}

func (m *Model) top() screen { return m.stack[len(m.stack)-1] }

// push opens s above the current screen, laid out for the window.
func (m *Model) push(s screen) {
	s.resize(m.bodySize())
	m.stack = append(m.stack, s)
}

// bodySize is the room between the title line and the footer line.
func (m *Model) bodySize() (int, int) {
	return max(m.ctx.Width, report.MinWidth), max(m.ctx.Height-2, 1)
}

// Init asks the terminal for its background colour: bubbletea owns the
// terminal, so an answer that never comes stalls nothing.
func (m *Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update routes a message: the search prompt first when it has focus, then
// the global keys, then the screen on top.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		w, h := m.bodySize()
		for _, s := range m.stack {
			s.resize(w, h) // every screen, so a popped one fits too
		}
		return m, nil
	case tea.BackgroundColorMsg:
		bg := report.BackgroundLight
		if msg.IsDark() {
			bg = report.BackgroundDark
		}
		m.ctx.retheme(bg)
		m.restyle()
		w, h := m.bodySize()
		for _, s := range m.stack {
			s.resize(w, h)
		}
		return m, nil
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.top().scroll(-3)
		case tea.MouseWheelDown:
			m.top().scroll(3)
		}
		return m, nil
	case pushMsg:
		m.push(msg.s)
		return m, nil
	case tea.PasteMsg:
		if m.typing {
			m.input = append(m.input, []rune(textnorm.Strip(msg.Content))...)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.keyPress(msg)
	}
	return m, nil
}

// pushMsg opens a screen built by a command (a diff takes a moment).
type pushMsg struct{ s screen }

func (m *Model) keyPress(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	m.status = ""
	if m.typing {
		switch msg.String() {
		case "enter":
			m.typing = false
			m.query = strings.TrimSpace(string(m.input))
			m.search(1)
		case "esc", "ctrl+c":
			m.typing = false
		case "backspace":
			if len(m.input) > 0 {
				m.input = m.input[:len(m.input)-1]
			}
		case "ctrl+u":
			m.input = m.input[:0]
		default:
			if msg.Text != "" {
				m.input = append(m.input, []rune(textnorm.Strip(msg.Text))...)
			}
		}
		return nil
	}
	if m.help.ShowAll {
		// The key list is open: any key closes it; q still quits.
		m.help.ShowAll = false
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = true
		return nil
	case key.Matches(msg, k.Back):
		if len(m.stack) > 1 {
			m.stack = m.stack[:len(m.stack)-1]
		}
		return nil
	case key.Matches(msg, k.Search):
		m.typing = true
		m.input = m.input[:0]
		return nil
	case key.Matches(msg, k.Next):
		m.search(1)
		return nil
	case key.Matches(msg, k.Prev):
		m.search(-1)
		return nil
	}
	return m.top().key(msg)
}

func (m *Model) search(dir int) {
	if m.query == "" {
		return
	}
	if !m.top().find(m.query, dir) {
		m.status = "not found: " + m.query
	}
}

// View draws the window: a title line, the screen, and a footer with the
// search prompt, a message or the keys.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Frame())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "crosswalk browse"
	return v
}

// Frame is the window's text: exactly Height lines, none wider than Width.
func (m *Model) Frame() string {
	if m.ctx.Width < report.MinWidth {
		return tooNarrow(m.ctx.Width, m.ctx.Height)
	}
	w, h := m.bodySize()
	th := m.ctx.Theme
	s := m.top()
	lines := make([]string, 0, h+2)
	lines = append(lines, th.Title.Render(report.Truncate(report.Plain(s.title()), w).String()))
	if m.help.ShowAll {
		lines = append(lines, m.fullHelp(w, h)...)
	} else {
		lines = append(lines, fit(s.body(w, h), w, h)...)
	}
	var foot string
	switch {
	case m.typing && len(m.input) == 0:
		foot = "/" + th.Cursor.Render(" ") + th.Status.Render(" search clause text, either script; enter finds, esc cancels")
	case m.typing:
		// The end of a long query stays in view.
		q := string(m.input)
		for report.Width(q) > w-2 {
			_, size := utf8.DecodeRuneInString(q)
			q = q[size:]
		}
		foot = "/" + q + th.Cursor.Render(" ")
	case m.status != "":
		foot = th.Status.Render(report.Truncate(report.Plain(m.status), w).String())
	case m.help.ShowAll:
		foot = th.Status.Render(report.Truncate(report.Plain("any key closes this list"), w).String())
	default:
		foot = m.help.ShortHelpView(m.shortHelp(s))
	}
	lines = append(lines, cut(foot, w))
	if m.ctx.Height < len(lines) {
		lines = lines[:max(m.ctx.Height, 1)]
	}
	return strings.Join(lines, "\n")
}

// shortHelp is the footer: the screen's first keys, then ? and q.
func (m *Model) shortHelp(s screen) []key.Binding {
	var out []key.Binding
	if g := s.bindings(); len(g) > 0 {
		out = append(out, g[0]...)
	}
	return append(out, m.ctx.Keys.Help, m.ctx.Keys.Quit)
}

// fullHelp lists every key of the screen, one per line, in columns.
func (m *Model) fullHelp(w, h int) []string {
	k := m.ctx.Keys
	groups := append(m.top().bindings(), []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		[]key.Binding{k.Search, k.Next, k.Prev, k.Back, k.Help, k.Quit})
	th := m.ctx.Theme
	var lines []string
	for gi, g := range groups {
		if gi > 0 {
			lines = append(lines, "")
		}
		for _, b := range g {
			hk := b.Help()
			lines = append(lines, th.Key.Render(padRight(hk.Key, 14))+" "+th.Status.Render(hk.Desc))
		}
	}
	// Lay the list out in as many columns as the width allows.
	colW := 0
	for _, l := range lines {
		colW = max(colW, lipgloss.Width(l))
	}
	cols := max(1, min((w+2)/(colW+2), (len(lines)+h-1)/max(h, 1)+1))
	per := (len(lines) + cols - 1) / cols
	var blocks []string
	for c := range cols {
		part := lines[min(c*per, len(lines)):min((c+1)*per, len(lines))]
		blocks = append(blocks, lipgloss.NewStyle().Width(colW+2).Render(strings.Join(part, "\n")))
	}
	return fit(strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, blocks...), "\n"), w, h)
}

// fit makes lines exactly h long and at most w wide (what bubbletea needs
// to redraw cleanly).
// tooNarrow fills a window narrower than any layout with a request to widen
// it, word-wrapped to its width.
func tooNarrow(w, h int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(fmt.Sprintf("crosswalk browse needs %d columns: widen the window, or q to quit.", report.MinWidth)) {
		switch {
		case line == "":
			line = word
		case report.Width(line)+1+report.Width(word) <= w:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	lines = append(lines, line)
	return strings.Join(fit(lines, max(w, 1), max(h, 1)), "\n")
}

func fit(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range h {
		if i < len(lines) {
			l := lines[i]
			if lipgloss.Width(l) > w {
				l = cut(l, w)
			}
			out[i] = l
		}
	}
	return out
}

func padRight(s string, w int) string {
	if n := report.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// cut shortens a drawn line to w columns, escape codes kept.
func cut(s string, w int) string { return ansi.Truncate(s, w, "") }
