package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is the small data set under testdata/fixture: curation of the
// shipped data does not rewrite these goldens.
func fixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.FromDir(filepath.Join("..", "..", "testdata", "fixture"))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// start is browse on ds at w×h, without colour (layout goldens).
func start(t testing.TB, ds *dataset.Dataset, w, h int) *Model {
	t.Helper()
	m := New(Options{Data: ds, Lang: "both"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// keyMsg is the message bubbletea sends for a key as its help writes it.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys; a word in keys is typed rune by rune after "/".
func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		if m.typing && len([]rune(k)) > 1 && k != "enter" && k != "esc" && k != "backspace" {
			for _, r := range k {
				m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

func checkFrame(t *testing.T, what string, m *Model, w, h int) []string {
	t.Helper()
	lines := strings.Split(m.Frame(), "\n")
	if len(lines) != h {
		t.Errorf("%s at %d×%d: %d lines, want %d", what, w, h, len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%s at %d×%d: line %d is %d wide: %q", what, w, h, i+1, lw, ansi.Strip(l))
		}
		for _, part := range strings.Split(ansi.Strip(l), "│") {
			p := strings.TrimLeft(part, " ▸")
			if p != "" && strings.ContainsRune("、。，,；;：:）)」》”！？", []rune(p)[0]) && strings.HasPrefix(part, " ") {
				t.Errorf("%s at %d×%d: line %d has a column starting with closing punctuation: %q", what, w, h, i+1, ansi.Strip(l))
			}
		}
	}
	return lines
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden (go test ./pkg/tui -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s (run with -update after checking):\n%s", name, path, got)
	}
}

// TestGoldenFrames: the matrix, a pair with Chinese in both columns (the
// speech's Traditional beside the GDC's Simplified) and a silence, at
// 80×24 (stacked) and 120×40 (side by side), reached by keys as a user.
func TestGoldenFrames(t *testing.T) {
	ds := fixture(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		suffix := "-" + itoa(w) + "x" + itoa(h)
		m := start(t, ds, w, h)
		golden(t, "matrix"+suffix, strings.Join(checkFrame(t, "matrix", m, w, h), "\n")+"\n")

		m = start(t, ds, w, h)
		press(m, "/", "互联网治理必须", "enter", "l", "enter")
		golden(t, "pair-27-speech"+suffix, strings.Join(checkFrame(t, "pair", m, w, h), "\n")+"\n")

		m = start(t, ds, w, h)
		press(m, "/", "互联网治理论坛", "enter")
		if got := m.stack[0].(*matrix).cmp.Rows[m.stack[0].(*matrix).row].Clause; got != "gdc:28" {
			t.Fatalf("search landed on %s, want gdc:28", got)
		}
		press(m, "l", "l", "enter")
		golden(t, "silence-28-position"+suffix, strings.Join(checkFrame(t, "silence", m, w, h), "\n")+"\n")
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func cursor(m *Model) (string, int) {
	x := m.stack[0].(*matrix)
	return x.cmp.Rows[x.row].Clause, x.col
}

// TestKeysMoveOpenAndReturn: j/k/arrows move the cursor; Enter on a
// silent cell shows the silence and its note; Esc comes back to the same
// cell with the same scroll.
func TestKeysMoveOpenAndReturn(t *testing.T) {
	m := start(t, fixture(t), 80, 24)
	press(m, "j", "j", "down", "k")
	if id, col := cursor(m); id != "gdc:7(1)" || col != 0 {
		t.Fatalf("after j j ↓ k: cursor on %s column %d, want gdc:7(1) column 0", id, col)
	}
	press(m, "G")
	if id, _ := cursor(m); id != "gdc:52" {
		t.Errorf("G: cursor on %s, want the last row gdc:52", id)
	}
	press(m, "g")
	for range 13 {
		press(m, "j")
	}
	press(m, "right")
	if id, col := cursor(m); id != "gdc:29(d)" || col != 1 {
		t.Fatalf("cursor on %s column %d, want gdc:29(d) speech", id, col)
	}
	top := m.stack[0].(*matrix).top
	press(m, "enter")
	frame := ansi.Strip(m.Frame())
	for _, want := range []string{"no counterpart in cn-speech-2014", "Internet shutdowns and measures against access are not discussed"} {
		if !strings.Contains(frame, want) {
			t.Errorf("the silence view lacks %q:\n%s", want, frame)
		}
	}
	press(m, "esc")
	if id, col := cursor(m); id != "gdc:29(d)" || col != 1 || m.stack[0].(*matrix).top != top || len(m.stack) != 1 {
		t.Errorf("esc: cursor on %s column %d top %d (stack %d), want gdc:29(d) column 1 top %d", id, col, m.stack[0].(*matrix).top, len(m.stack), top)
	}
	press(m, "22")
	press(m, "backspace") // nothing to go back to: stays
	if len(m.stack) != 1 {
		t.Error("backspace on the matrix should stay on it")
	}
}

func TestNotableSilenceShowsItsNote(t *testing.T) {
	m := start(t, fixture(t), 80, 24)
	press(m, "/", "尊重、保护和促进人权", "enter", "l", "enter")
	frame := ansi.Strip(m.Frame())
	if !strings.Contains(frame, "·! notable silence in cn-speech-2014") || !strings.Contains(frame, "Note") {
		t.Errorf("gdc:22 × speech should show the notable silence and its note:\n%s", frame)
	}
}

// TestSearchEitherScript: a Simplified query finds the speech's
// Traditional text, and n moves on to the next match.
func TestSearchEitherScript(t *testing.T) {
	m := start(t, fixture(t), 120, 40)
	press(m, "/", "网络空间", "enter")
	id, col := cursor(m)
	if col == 0 && id == "" {
		t.Fatal("no match")
	}
	first := id + itoa(col)
	press(m, "n")
	if id2, col2 := cursor(m); id2+itoa(col2) == first {
		t.Errorf("n stayed on %s", first)
	}
	press(m, "/", "開放", "enter") // Traditional query, Simplified or Traditional text
	if m.status != "" {
		t.Errorf("a Traditional query should match: %s", m.status)
	}
	press(m, "/", "没有这句话", "enter")
	if !strings.Contains(m.status, "not found") {
		t.Errorf("a missing phrase should say so, got %q", m.status)
	}
}

// TestFiltersInPlace: each filter key narrows the matrix the way the
// report flag does.
func TestFiltersInPlace(t *testing.T) {
	ds := fixture(t)
	m := start(t, ds, 120, 40)
	x := m.stack[0].(*matrix)
	all := len(x.cmp.Rows)
	press(m, "o")
	if x.filter.Objective != 1 || len(x.cmp.Rows) >= all {
		t.Errorf("o: objective %d, %d rows of %d", x.filter.Objective, len(x.cmp.Rows), all)
	}
	press(m, "x", "d")
	if len(x.cmp.Documents) != 1 {
		t.Errorf("d: %d documents shown, want 1", len(x.cmp.Documents))
	}
	press(m, "x", "s")
	if len(x.filter.Stances) != 1 || x.filter.Stances[0] != "aligned" {
		t.Errorf("s: stances %v, want [aligned]", x.filter.Stances)
	}
	press(m, "x", "c")
	if x.filter.Confidence != "medium" {
		t.Errorf("c: confidence %q, want medium", x.filter.Confidence)
	}
	// As compare --confidence medium: a cell whose links are all thin reads
	// as a silence.
	want := len(compareRows(t, ds, compare.Filter{Confidence: "medium"}))
	if len(x.cmp.Rows) != want {
		t.Errorf("c: %d rows, compare gives %d", len(x.cmp.Rows), want)
	}
	press(m, "x", "t")
	if len(x.filter.Themes) == 0 {
		t.Error("t should set a theme filter")
	}
	frame := ansi.Strip(m.Frame())
	if !strings.Contains(frame, "filters: theme") {
		t.Errorf("the title should name the theme filter:\n%s", strings.SplitN(frame, "\n", 2)[0])
	}
}

func compareRows(t *testing.T, ds *dataset.Dataset, f compare.Filter) []string {
	m := New(Options{Data: ds, Filter: f})
	var out []string
	for _, r := range m.stack[0].(*matrix).cmp.Rows {
		out = append(out, r.Clause)
	}
	return out
}

// TestPairStepsDiffFollowAndHelp: stepping through the counterparts of
// the GDC column, the word diff, following an ID into the document, help,
// quit.
func TestPairStepsDiffFollowAndHelp(t *testing.T) {
	m := start(t, fixture(t), 80, 24)
	press(m, "/", "互联网治理必须", "enter", "enter")
	p := m.stack[1].(*pair)
	if len(p.items) < 3 {
		t.Fatalf("Enter on the GDC column should list every document's counterparts, got %d", len(p.items))
	}
	press(m, "tab")
	if p.idx != 1 {
		t.Errorf("tab: counterpart %d, want 2nd", p.idx+1)
	}
	press(m, "[", "[")
	if p.idx != len(p.items)-1 {
		t.Errorf("[ [ from the 2nd should wrap to the last, got %d", p.idx+1)
	}
	press(m, "g", "tab")
	cmd := press(m, "w")
	if cmd == nil {
		t.Fatal("w should start the word diff")
	}
	m.Update(cmd())
	if len(m.stack) != 3 || !strings.Contains(m.top().title(), "crosswalk diff gdc:27") {
		t.Fatalf("w should open the diff, top is %q", m.top().title())
	}
	press(m, "esc", "f")
	if !strings.Contains(m.status, "1 gdc:27") {
		t.Errorf("f should offer the IDs shown, status %q", m.status)
	}
	press(m, "2")
	r, ok := m.top().(*reader)
	if !ok || !strings.Contains(r.title(), "cn-speech-2014") {
		t.Fatalf("following the speech's ID should open the speech, top is %q", m.top().title())
	}
	if lines := r.body(80, 22); !strings.HasPrefix(ansi.Strip(lines[0]), "cn-speech-2014:1.2.2  ") {
		t.Errorf("the document should open at the followed clause, first line %q", ansi.Strip(lines[0]))
	}
	press(m, "?")
	if !strings.Contains(ansi.Strip(m.Frame()), "page down") {
		t.Error("? should list the keys")
	}
	press(m, "j")
	if m.help.ShowAll {
		t.Error("a key should close the key list")
	}
	if cmd := press(m, "q"); cmd == nil {
		t.Error("q should quit")
	}
}

// TestEveryFrameFits: at widths 20 to 200, every screen fills exactly the
// window and no line is wider.
func TestEveryFrameFits(t *testing.T) {
	ds := fixture(t)
	m := start(t, ds, 80, 24)
	press(m, "/", "互联网治理必须", "enter", "l", "enter")
	for w := 20; w <= 200; w += 9 {
		for _, h := range []int{8, 24, 50} {
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			checkFrame(t, "pair", m, w, h)
			press(m, "esc")
			checkFrame(t, "matrix", m, w, h)
			press(m, "enter")
		}
	}
	// Below the narrowest layout the window asks to be widened.
	m.Update(tea.WindowSizeMsg{Width: 30, Height: 10})
	if f := ansi.Strip(m.Frame()); !strings.Contains(strings.ReplaceAll(f, "\n", " "), "needs 40 columns") {
		t.Errorf("at 30 columns browse should ask for 40:\n%s", f)
	}
}

func TestResizeReLaysOut(t *testing.T) {
	m := start(t, fixture(t), 120, 40)
	press(m, "/", "互联网治理必须", "enter", "l", "enter")
	if !strings.Contains(m.Frame(), "│ ") || strings.Contains(ansi.Strip(m.Frame()), "───────────────────────────────────────────────────────────────────────────────────────────────") {
		t.Error("at 120 columns the pair should be side by side")
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	frame := ansi.Strip(m.Frame())
	if !strings.Contains(frame, strings.Repeat("─", 80)) {
		t.Errorf("at 80 columns the pair should be stacked:\n%s", frame)
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	m := start(t, fixture(t), 80, 24)
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if id, _ := cursor(m); id != "gdc:8" {
		t.Errorf("wheel down: cursor on %s, want three rows down (gdc:8)", id)
	}
}

func TestColourThemeStylesTheCursor(t *testing.T) {
	m := New(Options{Data: fixture(t), Color: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(m.Frame(), "\x1b[7m") {
		t.Error("with colour the cursor cell should be in reverse video")
	}
	m = start(t, fixture(t), 80, 24)
	if strings.Contains(m.Frame(), "\x1b") {
		t.Error("without colour the frame should have no escape codes")
	}
}

// browse --qualifier shows only the records that list the qualifier, as
// the reports do: every counterpart left in the matrix carries it.
func TestQualifierFilterNarrowsTheMatrix(t *testing.T) {
	ds := fixture(t)
	m := New(Options{Data: ds, Filter: compare.Filter{Qualifiers: []string{"state-management"}}})
	shown := 0
	for _, row := range m.stack[0].(*matrix).cmp.Rows {
		for _, cell := range row.Cells {
			for _, cp := range cell.Counterparts {
				shown++
				if r := ds.Mappings.Between(row.Clause, cp.Clause); r == nil || !r.HasQualifier("state-management") {
					t.Errorf("%s → %s shown under --qualifier state-management", row.Clause, cp.Clause)
				}
			}
		}
	}
	if shown == 0 {
		t.Error("the fixture has state-management records; none is shown")
	}
}
