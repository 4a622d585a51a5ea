package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// reader shows a report document in a pager: a whole text in order
// (view.Read) or the word-level diff of a pair (view.Diff).
type reader struct {
	m     *Model
	name  string
	pager pager
	// at is the clause the reader opened on (scrolled to on first layout).
	at string
}

func newReader(m *Model, d *corpus.Document, at string) *reader {
	ds := m.ctx.Opts.Data
	v := view.NewRead(ds, d, m.ctx.Opts.Lang)
	if at != "" {
		at += "  " // the reading view starts each clause with its ID
	}
	return newDocReader(m, "crosswalk browse · "+d.ID+" · read in order (crosswalk show "+d.ID+")", v.Doc(), at)
}

func newDocReader(m *Model, name string, d *report.Doc, at string) *reader {
	r := &reader{m: m, name: name, at: at}
	r.pager = newPager(func(w int) []string { return m.ctx.Theme.DocLines(d, w) })
	return r
}

func (r *reader) title() string { return r.name }

func (r *reader) resize(w, h int) {
	r.pager.resize(w, h)
	if r.at != "" {
		if i := r.pager.lineStarting(r.at); i >= 0 {
			r.pager.vp.SetYOffset(i)
		}
		r.at = ""
	}
}

func (r *reader) body(w, h int) []string { return r.pager.body(w, h) }
func (r *reader) scroll(n int)           { r.pager.scroll(n) }
func (r *reader) find(q string, dir int) bool {
	return r.pager.find(q, dir)
}

func (r *reader) key(msg tea.KeyPressMsg) tea.Cmd {
	r.pager.key(msg, r.m.ctx.Keys)
	return nil
}

func (r *reader) bindings() [][]key.Binding {
	k := r.m.ctx.Keys
	return [][]key.Binding{{k.Down, k.Up, k.PageDown, k.Search, k.Back}}
}
