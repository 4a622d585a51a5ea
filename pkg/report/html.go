package report

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// HTML renders a doc as a fragment of an HTML page: a section with the
// title, meta fields, blocks, legend and notes. Every text is escaped; bars
// are drawn as SVG. The page around it (styles, scripts) is the caller's.
func HTML(d *Doc) string {
	var b strings.Builder
	b.WriteString(`<section class="report">` + "\n")
	if d.Title != "" {
		fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(d.Title))
	}
	htmlFields(&b, d.Meta)
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case Heading:
			fmt.Fprintf(&b, "<h3>%s</h3>\n", esc(blk.Text))
		case Para:
			if len(blk.Text) > 0 {
				fmt.Fprintf(&b, "<p>%s</p>\n", HTMLText(blk.Text))
			}
		case Fields:
			htmlFields(&b, blk)
		case *Table:
			htmlTable(&b, blk)
		}
	}
	b.WriteString(HTMLLegend(d))
	b.WriteString("</section>\n")
	return b.String()
}

func htmlFields(b *strings.Builder, f Fields) {
	if len(f) == 0 {
		return
	}
	b.WriteString("<dl class=\"fields\">\n")
	for _, x := range f {
		fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", esc(strings.TrimSpace(x.Label)), HTMLText(x.Value))
	}
	b.WriteString("</dl>\n")
}

func htmlTable(b *strings.Builder, t *Table) {
	b.WriteString("<div class=\"scroll\"><table>\n<thead><tr>")
	for _, c := range t.Columns {
		fmt.Fprintf(b, "<th>%s</th>", esc(c.Header))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		b.WriteString("<tr>")
		for j := range t.Columns {
			var cell Text
			if j < len(r) {
				cell = r[j]
			}
			fmt.Fprintf(b, "<td>%s</td>", HTMLText(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
}

// HTMLText is rich text as escaped inline HTML: glyphs as titled symbols,
// quotes as <mark>, stance marks as classes, bars as SVG.
func HTMLText(t Text) string {
	var b strings.Builder
	for _, s := range t {
		switch {
		case s.Glyph != GlyphNone:
			// The symbol is for the eye; screen readers read the word (the
			// page's style sheet hides class "vh" from view only).
			fmt.Fprintf(&b, `<span class="g g-%s" title="%s"><span aria-hidden="true">%s</span><span class="vh"> %s </span></span>`,
				s.Glyph, esc(glyphMeaning(s.Glyph)), esc(glyphText(s.Glyph, stylePlain)), esc(glyphMeaning(s.Glyph)))
		case s.Mark == MarkBar:
			b.WriteString(svgBar(s.Text))
		case s.Mark == MarkQuote:
			fmt.Fprintf(&b, "<mark>%s</mark>", esc(s.Text))
		case s.Mark == MarkBold:
			fmt.Fprintf(&b, "<strong>%s</strong>", esc(s.Text))
		case s.Mark == MarkInsert:
			fmt.Fprintf(&b, "<ins>%s</ins>", esc(s.Text))
		case s.Mark == MarkDelete:
			fmt.Fprintf(&b, "<del>%s</del>", esc(s.Text))
		case s.Mark != MarkNone:
			fmt.Fprintf(&b, `<span class="m-%s">%s</span>`, s.Mark, esc(s.Text))
		default:
			b.WriteString(esc(s.Text))
		}
	}
	return b.String()
}

// esc cleans and escapes text; line breaks stay line breaks.
func esc(s string) string {
	return strings.ReplaceAll(html.EscapeString(textnorm.Clean(s)), "\n", "<br>")
}

// svgBar draws a Bar segment (full blocks and one partial block, in
// eighths) as an SVG rectangle, 24 px per cell.
func svgBar(s string) string {
	eighths := 0
	for _, r := range s {
		if r == '█' {
			eighths += 8
		} else if r >= '▉' && r <= '▏' {
			eighths += int('▏'-r) + 1
		}
	}
	w := max(1, eighths*3)
	return fmt.Sprintf(`<svg class="bar" width="%d" height="12" role="img" aria-label="%d cells"><rect width="%d" height="12"></rect></svg>`, w+2, utf8.RuneCountInString(s), w)
}

func glyphMeaning(g Glyph) string {
	for _, x := range glyphs {
		if x.g == g {
			return x.meaning
		}
	}
	return string(g)
}

// HTMLLegend is paragraphs explaining the glyphs and marks d uses, then
// d's notes.
func HTMLLegend(d *Doc) string {
	var b strings.Builder
	for _, l := range htmlLegend(d) {
		fmt.Fprintf(&b, "<p class=\"legend\">%s</p>\n", l)
	}
	return b.String()
}

func htmlLegend(d *Doc) []string {
	used, quoted := map[Glyph]bool{}, false
	d.uses(func(s Seg) {
		used[s.Glyph] = used[s.Glyph] || s.Glyph != GlyphNone
		quoted = quoted || (s.Mark == MarkQuote && s.Text != "")
	})
	var out, parts []string
	for _, g := range glyphs {
		if used[g.g] {
			parts = append(parts, HTMLText(Text{{Glyph: g.g, Mark: g.mark}})+" "+esc(g.meaning))
		}
	}
	if len(parts) > 0 {
		out = append(out, "Stance: "+strings.Join(parts, " &nbsp; "))
	}
	if quoted {
		what := d.Quoted
		if what == "" {
			what = "the quoted evidence of a mapping record"
		}
		out = append(out, "<mark>Highlighted</mark>: "+esc(what)+".")
	}
	for _, n := range d.Notes {
		out = append(out, esc(strings.ReplaceAll(n, "`", "")))
	}
	return out
}
