package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

// BenchmarkBrowseFirstFrame is the work between the data being loaded and
// the first frame at 120×40 on the whole shipped matrix: the matrix view,
// its search index, the layout and the frame. (.ci/perf browse measures
// the whole process, start-up included.) It starts as crosswalk browse
// does: at the terminal's size, then bubbletea's first size message.
func BenchmarkBrowseFirstFrame(b *testing.B) {
	ds, err := dataset.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Data: ds, Lang: "both", Color: true, Width: 120, Height: 40})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.Frame()
	}
}

// BenchmarkBrowseKeyRedraw is one key (cursor down, or up at the end) and
// the redraw it causes, at 120×40 on the whole shipped matrix (goal: 16 ms,
// one frame at 60 Hz).
func BenchmarkBrowseKeyRedraw(b *testing.B) {
	ds, err := dataset.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	m := New(Options{Data: ds, Lang: "both", Color: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	down, up := keyMsg("j"), keyMsg("k")
	n := len(m.stack[0].(*matrix).cmp.Rows)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if (i/(n-1))%2 == 1 {
			k = up
		}
		i++
		m.Update(k)
		_ = m.Frame()
	}
}

// BenchmarkBrowseFilterRedraw is a filter key (the objective, cycled) and
// the redraw: the matrix view is rebuilt under the new filter.
func BenchmarkBrowseFilterRedraw(b *testing.B) {
	ds, err := dataset.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	m := New(Options{Data: ds, Lang: "both", Color: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ReportAllocs()
	for b.Loop() {
		m.Update(keyMsg("o"))
		_ = m.Frame()
	}
}
