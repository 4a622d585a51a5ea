package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key browse answers to. Screens pick the bindings that
// do something on them for the help line.
type KeyMap struct {
	Up, Down, Left, Right, Top, Bottom, PageUp, PageDown key.Binding
	Open, Back, Search, Next, Prev, Help, Quit           key.Binding
	// matrix: filters changed in place, and the document reader
	Doc, Objective, Theme, Stance, Confidence, Clear, Read key.Binding
	// pair view
	NextPair, PrevPair, Diff, Follow key.Binding
}

// DefaultKeyMap is the keys people expect from terminal readers.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:         b("↑/k", "up", "up", "k"),
		Down:       b("↓/j", "down", "down", "j"),
		Left:       b("←/h", "left", "left", "h"),
		Right:      b("→/l", "right", "right", "l"),
		Top:        b("g", "top", "g", "home"),
		Bottom:     b("G", "bottom", "G", "end"),
		PageUp:     b("pgup", "page up", "pgup", "ctrl+b", "b"),
		PageDown:   b("pgdn", "page down", "pgdown", "ctrl+f", "space"),
		Open:       b("enter", "open", "enter"),
		Back:       b("esc", "back", "esc", "backspace"),
		Search:     b("/", "search", "/"),
		Next:       b("n", "next match", "n"),
		Prev:       b("N", "previous match", "N"),
		Help:       b("?", "keys", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
		Doc:        b("d", "document filter", "d"),
		Objective:  b("o", "objective filter", "o"),
		Theme:      b("t", "theme filter", "t"),
		Stance:     b("s", "stance filter", "s"),
		Confidence: b("c", "confidence filter", "c"),
		Clear:      b("x", "clear filters", "x"),
		Read:       b("r", "read the document", "r"),
		NextPair:   b("tab/]", "next counterpart", "tab", "]"),
		PrevPair:   b("shift+tab/[", "previous counterpart", "shift+tab", "["),
		Diff:       b("w", "word diff", "w"),
		Follow:     b("f", "follow an ID", "f"),
	}
}
