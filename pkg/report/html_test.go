package report

import (
	"strings"
	"testing"
)

// Text is escaped, quotes are <mark>, glyphs carry their meaning, bars are
// SVG, and the legend names what the doc uses.
func TestHTML(t *testing.T) {
	d := &Doc{Title: "a <b>", Blocks: []Block{
		Para{Text: Highlight(`x <script>alert(1)</script> y`, "y")},
		&Table{Columns: []Column{{Header: "t&"}}, Rows: [][]Text{{Text{StanceGlyph("divergent"), Bar(2.5)}}}},
	}, Notes: []string{"note `code`"}}
	out := HTML(d)
	for _, want := range []string{"a &lt;b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;", "<mark>y</mark>", `title="divergent"`, "<svg", "t&amp;", "divergent", "Highlighted"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script>") {
		t.Error("unescaped script")
	}
}
