// Package tui is `crosswalk browse`: the comparison as an interactive
// terminal reader on bubbletea. One root Model keeps a stack of screens
// (matrix, pair, reader); each screen lays its text out from a typed view
// of pkg/view at the current size, with pkg/report's line breaking and its
// one style sheet (report.Theme). Nothing here reads files or the terminal:
// pkg/cli hands in the data and runs the program.
package tui

import (
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// Options are what browse starts from.
type Options struct {
	Data   *dataset.Dataset
	Filter compare.Filter // the filters given on the command line
	Lang   string         // zh, en or both
	Color  bool           // false for NO_COLOR / --color never
	ASCII  bool           // --ascii: ASCII borders and marks
	// Background, when known, picks colours for it; browse also asks the
	// terminal (through bubbletea, which owns it) and re-themes on answer.
	Background report.Background
	// Width and Height are the terminal's size when known (else 80×24), so
	// the first layout is the one shown: laying the matrix out at 80×24
	// and again at bubbletea's first size message cost the first frame a
	// whole measure of every cell.
	Width, Height int
}

// Context is shared by every screen: the data, the style sheet, the keys
// and the size of the window.
type Context struct {
	Opts   Options
	Theme  *report.Theme
	Keys   KeyMap
	Width  int
	Height int
}

func newContext(o Options) *Context {
	if o.Lang == "" {
		o.Lang = "both"
	}
	c := &Context{Opts: o, Keys: DefaultKeyMap(), Width: 80, Height: 24}
	if o.Width > 0 && o.Height > 0 {
		c.Width, c.Height = o.Width, o.Height
	}
	c.retheme(o.Background)
	return c
}

func (c *Context) retheme(bg report.Background) {
	c.Opts.Background = bg
	c.Theme = report.NewTheme(report.TermOptions{Color: c.Opts.Color, ASCII: c.Opts.ASCII}, bg)
}

// viewContext is what views are built from under filter f: with a
// confidence floor or qualifiers the mapping set is narrowed first, as the
// reports do.
func (c *Context) viewContext(f compare.Filter) view.Context {
	return view.Context{Data: view.Narrowed(c.Opts.Data, f), Filter: f, Lang: c.Opts.Lang}
}
