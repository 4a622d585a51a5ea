package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// Markdown renders a doc as GitHub-flavoured Markdown. Tables are written by
// hand: cells escape '|' and turn newlines into <br> so rows never split.
// Texts are written whole; nothing is truncated.
func Markdown(w io.Writer, d *Doc) error {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", mdInline(Plain(d.Title)))
	}
	mdFields(&b, d.Meta)
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case Heading:
			fmt.Fprintf(&b, "## %s\n\n", mdInline(Plain(blk.Text)))
		case Para:
			if txt := mdInline(blk.Text); txt != "" {
				fmt.Fprintf(&b, "%s\n\n", mdLineStart(strings.ReplaceAll(txt, "\n", "<br>\n")))
			}
		case Fields:
			mdFields(&b, blk)
		case *Table:
			mdTable(&b, blk)
		}
	}
	for _, l := range legend(d, styleMarkdown) {
		fmt.Fprintf(&b, "%s  \n", mdInline(Plain(l)))
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// mdFields writes labelled values as a list; a value's own line breaks stay
// inside its list item.
func mdFields(b *strings.Builder, f Fields) {
	for _, x := range f {
		v := strings.ReplaceAll(mdInline(x.Value), "\n", "<br>\n  ")
		fmt.Fprintf(b, "- %s %s\n", mdInline(Marked(strings.TrimSpace(x.Label)+":", MarkBold)), v)
	}
	if len(f) > 0 {
		b.WriteString("\n")
	}
}

func mdTable(b *strings.Builder, t *Table) {
	b.WriteString("|")
	for _, c := range t.Columns {
		fmt.Fprintf(b, " %s |", mdCell(Plain(c.Header)))
	}
	b.WriteString("\n|")
	for range t.Columns {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for j := range t.Columns {
			var cell Text
			if j < len(r) {
				cell = r[j]
			}
			fmt.Fprintf(b, " %s |", mdCell(cell))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// mdCell is inline Markdown safe inside a table cell.
func mdCell(t Text) string {
	s := mdInline(t)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

// mdEscaper escapes what could start emphasis, code, links, HTML or entities.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "~", `\~`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;")

// mdInline writes rich text. Emphasis uses ** only where CommonMark's
// flanking rules let it open and close; next to punctuation (CJK 《》“” …)
// or another mark it falls back to <strong>, which always renders.
func mdInline(t Text) string {
	var b strings.Builder
	prev := rune(0) // the last character written
	for i, seg := range t {
		if seg.Glyph != GlyphNone {
			g := glyphText(seg.Glyph, styleMarkdown)
			b.WriteString(g)
			prev = lastRune(g)
			continue
		}
		if seg.Full != "" {
			seg.Text = seg.Full
		}
		raw := textnorm.Clean(seg.Text)
		core := strings.TrimSpace(raw)
		lead, trail := raw[:strings.Index(raw, core)], raw[strings.Index(raw, core)+len(core):]
		if core == "" {
			b.WriteString(raw)
			if raw != "" {
				prev = lastRune(raw)
			}
			continue
		}
		txt := mdEscaper.Replace(core)
		b.WriteString(lead)
		switch {
		case emphasized(seg.Mark):
			next := rune(' ')
			if trail == "" && i+1 < len(t) {
				next = firstRune(t[i+1].Text)
				if emphasized(t[i+1].Mark) && !unicode.IsSpace(next) {
					next = -1 // another bold run follows: delimiters would touch
				}
			}
			if lead != "" {
				prev = ' '
			}
			if flanks(prev, txt, next) {
				txt = "**" + txt + "**"
			} else {
				txt = "<strong>" + txt + "</strong>"
			}
		case seg.Mark == MarkInsert:
			txt = "<ins>" + txt + "</ins>"
		case seg.Mark == MarkDelete:
			txt = "<del>" + txt + "</del>"
		case seg.Mark == MarkMoved:
			txt = "<em>" + txt + "</em>"
		}
		b.WriteString(txt + trail)
		prev = lastRune(txt + trail)
	}
	return b.String()
}

// emphasized marks are written bold in Markdown.
func emphasized(m Mark) bool { return m == MarkQuote || m == MarkBold || m == MarkDivergent }

// flanks reports whether **txt** between prev and next both opens and
// closes under CommonMark: a delimiter touching punctuation on the inside
// needs whitespace or punctuation on the outside.
func flanks(prev rune, txt string, next rune) bool {
	if prev == '*' || prev == '>' || next == -1 {
		return false
	}
	outside := func(r rune) bool { return r == 0 || unicode.IsSpace(r) || isMDPunct(r) }
	if isMDPunct(firstRune(txt)) && !outside(prev) {
		return false
	}
	return !isMDPunct(lastRune(txt)) || outside(next)
}

// isMDPunct is CommonMark's punctuation: Unicode P and S categories.
func isMDPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// mdLineStart keeps a paragraph from being read as a heading, list, quote
// or rule because of how its text happens to begin.
func mdLineStart(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, " ")
		if trimmed == "" {
			continue
		}
		switch trimmed[0] {
		case '#', '>', '-', '+', '=', '|':
			lines[i] = `\` + trimmed
			continue
		}
		if j := strings.IndexFunc(trimmed, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (trimmed[j] == '.' || trimmed[j] == ')') {
			lines[i] = trimmed[:j] + `\` + trimmed[j:]
		}
	}
	return strings.Join(lines, "\n")
}
