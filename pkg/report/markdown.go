package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// Markdown renders a doc as GitHub-flavoured Markdown. Tables are written by
// hand: cells escape '|' and turn newlines into <br> so rows never split.
func Markdown(w io.Writer, d *Doc) error {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", mdInline(Plain(d.Title)))
	}
	for _, m := range d.Meta {
		fmt.Fprintf(&b, "- **%s:** %s\n", mdInline(Plain(m.Label)), mdInline(m.Value))
	}
	if len(d.Meta) > 0 {
		b.WriteString("\n")
	}
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case Heading:
			fmt.Fprintf(&b, "## %s\n\n", mdInline(Plain(blk.Text)))
		case Para:
			if txt := mdInline(blk.Text); txt != "" {
				fmt.Fprintf(&b, "%s\n\n", txt)
			}
		case Fields:
			for _, f := range blk {
				fmt.Fprintf(&b, "- **%s:** %s\n", mdInline(Plain(f.Label)), mdInline(f.Value))
			}
			b.WriteString("\n")
		case *Table:
			mdTable(&b, blk)
		}
	}
	if len(d.Legend) > 0 {
		for _, l := range d.Legend {
			fmt.Fprintf(&b, "%s  \n", mdInline(Plain(l)))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
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

// mdEscaper escapes characters that would start emphasis, code or links.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

func mdInline(t Text) string {
	var b strings.Builder
	for _, seg := range t {
		txt := mdEscaper.Replace(textnorm.Clean(seg.Text))
		if strings.TrimSpace(txt) == "" {
			b.WriteString(txt)
			continue
		}
		switch seg.Mark {
		case MarkQuote, MarkBold, MarkDivergent:
			txt = "**" + txt + "**"
		case MarkInsert:
			txt = "<ins>" + txt + "</ins>"
		case MarkDelete:
			txt = "~~" + txt + "~~"
		}
		b.WriteString(txt)
	}
	return b.String()
}
