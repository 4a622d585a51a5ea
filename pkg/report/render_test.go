package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// Lines must never start with these (UAX #14 class CL and friends).
const closing = "、。，；：）」》”！？"

// Lines must never end with these (class OP).
const opening = "《「“（"

func TestWrapKeepsChinesePunctuationAndIDsTogether(t *testing.T) {
	text := Plain("国际社会应该在相互尊重、平等互利的基础上，" +
		"共同构建和平、安全、开放、合作、有序的网络空间，《全球数据安全倡议》" +
		"见 cn-position-2024:2.4.3 和 gdc:29(d)。" + "{+新增的内容+}[-删去的内容-]")
	for w := 8; w <= 40; w++ {
		lines := Wrap(text, w)
		var joined strings.Builder
		for i, l := range lines {
			s := l.String()
			joined.WriteString(s)
			if width(s) > w {
				t.Errorf("width %d: line %q is %d wide", w, s, width(s))
			}
			// Below 12 columns the 10-column "gdc:29(d)。" must be cut anyway.
			if w >= 12 && i > 0 && s != "" && strings.ContainsRune(closing, firstRune(s)) {
				t.Errorf("width %d: line starts with closing punctuation: %q", w, s)
			}
			if i < len(lines)-1 && s != "" && strings.ContainsRune(opening, lastRune(s)) {
				t.Errorf("width %d: line ends with opening punctuation: %q", w, s)
			}
			for _, frag := range []string{"cn-", "position-2024", "[-", "{+"} {
				if w >= 24 && strings.HasSuffix(s, frag) && i < len(lines)-1 {
					t.Errorf("width %d: line breaks after %q: %q", w, frag, s)
				}
			}
		}
		if w >= 24 && !strings.Contains(joined.String(), "cn-position-2024:2.4.3") {
			t.Errorf("width %d: the ID was split across lines", w)
		}
		if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(text.String(), " ", "") {
			t.Errorf("width %d: wrapping lost or added text", w)
		}
	}
}

func TestWrapKeepsMarksAndHardBreaks(t *testing.T) {
	lines := Wrap(Text{{Text: "甲乙"}, {Text: "丙丁戊", Mark: MarkQuote}, {Text: "\n己"}}, 4)
	var got []string
	for _, l := range lines {
		var parts []string
		for _, s := range l {
			parts = append(parts, s.Text+"/"+s.Mark.String())
		}
		got = append(got, strings.Join(parts, " "))
	}
	want := []string{"甲乙/", "丙丁/quote", "戊/quote", "己/"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"short", 10, "short"},
		{"数字技术正在急剧改变", 9, "数字技术…"},
		{"line one\nline two", 20, "line one…"},
		{"abcdef", 6, "abcdef"},
	} {
		if got := Truncate(Plain(c.in), c.w).String(); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

// renderMD renders Markdown the way GitHub does (GFM; inline HTML allowed)
// and returns the visible text.
func renderMD(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestMarkdownEmphasisAlwaysRenders(t *testing.T) {
	cases := []Text{
		Highlight("并考虑到联合国教科文组织《人工智能伦理问题建议书》6等", "考虑到联合国教科文组织《人工智能伦理问题建议书》"),
		Highlight("他说“开放、合作”。", "“开放、合作”"),
		Highlight("a *literal* star and 1.5", "*literal*"),
		Text{{Text: "gdc:27", Mark: MarkBold}, {Text: "  English:", Mark: MarkBold}, {Text: "quoted", Mark: MarkQuote}},
		Text{{Text: "  ", Mark: MarkBold}, {Text: "x"}},
	}
	for _, c := range cases {
		d := &Doc{Title: "T", Blocks: []Block{Para{Text: c}, Fields{{Label: "  English", Value: c}},
			&Table{Columns: []Column{{Header: "c"}}, Rows: [][]Text{{c}}}}}
		var buf bytes.Buffer
		if err := Markdown(&buf, d); err != nil {
			t.Fatal(err)
		}
		html := renderMD(t, buf.String())
		visible := stripCode(html)
		if strings.Contains(visible, "**") || strings.Contains(visible, "~~") {
			t.Errorf("literal emphasis markers in the rendered page for %q:\nmarkdown: %s\nhtml: %s", c.String(), buf.String(), html)
		}
		if !strings.Contains(html, "<strong>") {
			t.Errorf("no bold rendered for %q:\n%s", c.String(), html)
		}
	}
}

// stripCode drops <code> spans, where markers may legitimately show.
func stripCode(h string) string {
	for {
		i := strings.Index(h, "<code>")
		if i < 0 {
			return h
		}
		j := strings.Index(h[i:], "</code>")
		if j < 0 {
			return h
		}
		h = h[:i] + h[i+j+len("</code>"):]
	}
}

func TestLegendDescribesOnlyWhatIsUsed(t *testing.T) {
	d := &Doc{Blocks: []Block{Para{Text: Text{StanceGlyph("partial"), {Text: " 1.3"}}}}}
	for _, o := range []TermOptions{{Width: 80}, {Width: 80, ASCII: true}} {
		var buf bytes.Buffer
		if err := Terminal(&buf, d, o); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		sym := "◐"
		if o.ASCII {
			sym = "~"
		}
		if !strings.Contains(out, sym+" 1.3") || !strings.Contains(out, "Stance: "+sym+" partial") {
			t.Errorf("ascii=%v: glyph or its legend missing:\n%s", o.ASCII, out)
		}
		for _, other := range []string{"aligned", "divergent", "quoted evidence", "✓", "✗"} {
			if strings.Contains(out, other) {
				t.Errorf("ascii=%v: legend describes %q, which the output does not use:\n%s", o.ASCII, other, out)
			}
		}
		if o.ASCII && strings.ContainsFunc(out, func(r rune) bool { return r > 0x7f }) {
			t.Errorf("--ascii output has non-ASCII characters:\n%s", out)
		}
	}
}

func TestTableFallsBackToRecordsWhenTooNarrow(t *testing.T) {
	tb := &Table{Columns: []Column{{Header: "clause"}, {Header: "counterpart"}, {Header: "note"}},
		Rows: [][]Text{row3("gdc:29(d)", "cn-position-2024:2.4.3", "某些国家以网络安全为名")}}
	for _, w := range []int{24, 30, 40, 60} {
		var buf bytes.Buffer
		if err := Terminal(&buf, &Doc{Blocks: []Block{tb}}, TermOptions{Width: w}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if width(l) > max(w, MinWidth) { // narrower terminals get MinWidth
				t.Errorf("width %d: line %q overflows", w, l)
			}
		}
		if !strings.Contains(out, "cn-position-2024:2.4.3") {
			t.Errorf("width %d: ID split:\n%s", w, out)
		}
	}
}

func row3(a, b, c string) []Text { return []Text{Plain(a), Plain(b), Plain(c)} }
