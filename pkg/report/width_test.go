package report_test

import (
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// TestWidthAgreesWithLipgloss: our line breaking measures with uniseg and
// lipgloss (x/ansi) pads and joins what we measured; if the two disagreed
// on a character, columns would drift. Every clause text, heading, summary,
// glyph and border piece is measured both ways.
func TestWidthAgreesWithLipgloss(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, d := range ds.Corpus.Docs {
		all = append(all, d.Title, d.TitleEn)
		for _, c := range d.Clauses {
			all = append(all, c.Text, c.TextEn, c.SummaryEn)
			all = append(all, c.Heading...)
		}
	}
	for _, b := range []lipgloss.Border{lipgloss.NormalBorder(), lipgloss.ASCIIBorder()} {
		all = append(all, b.Top, b.Left, b.TopLeft, b.TopRight, b.BottomLeft, b.BottomRight, b.Middle, b.MiddleLeft, b.MiddleRight, b.MiddleTop, b.MiddleBottom)
	}
	all = append(all, "✓ ◐ ✗ · ·! ? † ⟦⟧ {+ +} [- -] {~ ~} █▉▊▋▌▍▎▏ … › — “ ” ▸ ←→↑↓")
	for _, s := range all {
		for _, r := range s {
			if report.Width(string(r)) != lipgloss.Width(string(r)) {
				t.Errorf("%q (U+%04X): report.Width %d, lipgloss.Width %d", r, r, report.Width(string(r)), lipgloss.Width(string(r)))
			}
		}
		if report.Width(s) != lipgloss.Width(s) {
			t.Errorf("%.40q…: report.Width %d, lipgloss.Width %d", s, report.Width(s), lipgloss.Width(s))
		}
	}
}
