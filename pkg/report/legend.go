package report

import "strings"

// style is how a renderer shows marks; the legend explains exactly that.
type style int

const (
	styleColor    style = iota // terminal with colour
	stylePlain                 // terminal without colour (pipes, files)
	styleASCII                 // plain, ASCII only
	styleMarkdown              // Markdown
)

// uses walks every rich text of d.
func (d *Doc) uses(fn func(Seg)) {
	each := func(t Text) {
		for _, s := range t {
			fn(s)
		}
	}
	for _, m := range d.Meta {
		each(m.Value)
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Para:
			each(b.Text)
		case Fields:
			for _, f := range b {
				each(f.Value)
			}
		case *Table:
			for _, r := range b.Rows {
				for _, c := range r {
					each(c)
				}
			}
		}
	}
}

// legend explains the glyphs and marks d uses, as style st draws them,
// followed by the doc's own notes.
func legend(d *Doc, st style) []string {
	used := map[Glyph]bool{}
	marks := map[Mark]bool{}
	d.uses(func(s Seg) {
		if s.Glyph != GlyphNone {
			used[s.Glyph] = true
		} else if s.Text != "" {
			marks[s.Mark] = true
		}
	})
	var out []string
	var parts []string
	for _, g := range glyphs {
		if used[g.g] {
			parts = append(parts, glyphText(g.g, st)+" "+g.meaning)
		}
	}
	if len(parts) > 0 {
		out = append(out, "Stance: "+strings.Join(parts, "  "))
	}
	if marks[MarkQuote] {
		what := d.Quoted
		if what == "" {
			what = "the quoted evidence of a mapping record"
		}
		out = append(out, map[style]string{
			styleColor:    "Bold underlined: ",
			stylePlain:    "⟦…⟧ marks ",
			styleASCII:    "[[...]] marks ",
			styleMarkdown: "Bold: ",
		}[st]+what+".")
	}
	if marks[MarkInsert] || marks[MarkDelete] {
		out = append(out, map[style]string{
			styleColor:    "Green underlined: only in the second text. Red struck through: only in the first.",
			stylePlain:    "{+…+} only in the second text; [-…-] only in the first.",
			styleASCII:    "{+…+} only in the second text; [-…-] only in the first.",
			styleMarkdown: "Underlined: only in the second text. Struck through: only in the first.",
		}[st])
	}
	if marks[MarkMoved] {
		out = append(out, map[style]string{
			styleColor:    "Cyan italic: a sentence both texts have, at different places (shown where each has it).",
			stylePlain:    "{~…~} a sentence both texts have, at different places (shown where each has it).",
			styleASCII:    "{~...~} a sentence both texts have, at different places (shown where each has it).",
			styleMarkdown: "Italic: a sentence both texts have, at different places (shown where each has it).",
		}[st])
	}
	out = append(out, d.Notes...)
	if st != styleMarkdown {
		out = append(out, d.Hints...)
	}
	return out
}

// glyphText draws a glyph in style st.
func glyphText(g Glyph, st style) string {
	for _, x := range glyphs {
		if x.g == g {
			if st == styleASCII {
				return x.ascii
			}
			return x.uni
		}
	}
	return string(g)
}
