package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// pager is a scrolling body of lines laid out for a width, on the bubbles
// viewport. The lines are re-laid out from the screen's view on every
// resize (layout), never re-wrapped from drawn lines.
type pager struct {
	vp     viewport.Model
	lines  []string
	layout func(w int) []string
	w, h   int
}

func newPager(layout func(w int) []string) pager {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are routed by the screen
	return pager{vp: vp, layout: layout}
}

func (p *pager) resize(w, h int) {
	off := p.vp.YOffset()
	p.w, p.h = w, h
	p.lines = p.layout(w)
	p.vp.SetWidth(w)
	p.vp.SetHeight(h)
	p.vp.SetContentLines(p.lines)
	p.vp.SetYOffset(off)
}

func (p *pager) body(w, h int) []string {
	if w != p.w || h != p.h {
		p.resize(w, h)
	}
	return strings.Split(p.vp.View(), "\n")
}

func (p *pager) scroll(n int) {
	if n < 0 {
		p.vp.ScrollUp(-n)
	} else {
		p.vp.ScrollDown(n)
	}
}

// key scrolls; it reports whether the key was one of the pager's.
func (p *pager) key(msg tea.KeyPressMsg, k KeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		p.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		p.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		p.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		p.vp.PageDown()
	case key.Matches(msg, k.Top):
		p.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		p.vp.GotoBottom()
	default:
		return false
	}
	return true
}

// find scrolls to the next line holding q (either script), searching
// from the line after the top one.
func (p *pager) find(q string, dir int) bool {
	fq := textnorm.Fold(q)
	n := len(p.lines)
	if n == 0 || fq == "" {
		return false
	}
	at := p.vp.YOffset()
	for step := 1; step <= n; step++ {
		i := ((at+dir*step)%n + n) % n
		if strings.Contains(textnorm.Fold(ansi.Strip(p.lines[i])), fq) {
			p.vp.SetYOffset(i)
			return true
		}
	}
	return false
}

// lineStarting is the first line that begins with prefix (escape codes
// aside), or -1.
func (p *pager) lineStarting(prefix string) int {
	for i, l := range p.lines {
		if strings.HasPrefix(ansi.Strip(l), prefix) {
			return i
		}
	}
	return -1
}
