package report

import (
	"strings"
	"testing"
)

func TestThemeStylesARunOnce(t *testing.T) {
	th := NewTheme(TermOptions{Color: true}, BackgroundUnknown)
	got := th.Render(MarkQuote, "互联网治理 must stay global")
	if strings.Count(got, "\x1b[") != 2 || !strings.Contains(got, "互联网治理 must stay global") {
		t.Errorf("a quoted run should be one opening and one closing sequence around the text, got %q", got)
	}
	if got := th.Render(MarkAligned, "x"); got != "\x1b[32mx\x1b[m" {
		t.Errorf("aligned on an unknown background should be the palette's green, got %q", got)
	}
	for _, bg := range []Background{BackgroundDark, BackgroundLight} {
		if got := NewTheme(TermOptions{Color: true}, bg).Render(MarkPartial, "x"); !strings.Contains(got, "38;5;") {
			t.Errorf("background %d: partial should be a 256-colour chosen for it, got %q", bg, got)
		}
	}
	for _, o := range []TermOptions{{}, {ASCII: true}, {ASCII: true, Color: true}} {
		th := NewTheme(o, BackgroundDark)
		for m := range markNames {
			if got := th.Render(Mark(m), "x"); got != "x" {
				t.Errorf("%+v: mark %d drew %q, want no escape codes", o, m, got)
			}
		}
	}
	if NewTheme(TermOptions{ASCII: true}, 0).Border.Top != "-" || NewTheme(TermOptions{}, 0).Border.Top != "─" {
		t.Error("--ascii should draw ASCII borders, else box drawing")
	}
}
