package brief

import (
	"fmt"
	htmlpkg "html"
	"html/template"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
)

// The headline's picture: one row per document (oldest first, so reading
// down is 2014 → 2024), one column per part of the GDC, each cell a bar
// split by the stances of that part's clauses. Drawn from the matrix rows
// the page shows, so it needs no script; the page's script redraws it
// under the in-page filters.
const (
	picLabel  = 150 // width of the document labels
	picCol    = 86  // width of one part's column
	picBar    = 24  // height of a bar
	picRow    = 40  // height of a document's row
	picHeader = 34  // height of the part labels
)

// stanceOrder is the order of a bar's segments and of the legend.
var stanceOrder = []string{"aligned", "partial", "divergent", compare.Silent, compare.NotReviewed}

// partLabels are the short names of the GDC's parts, for the picture.
var partLabels = map[string]string{
	"Preamble": "Preamble", "Principles": "Principles", "Commitments (general)": "General",
	"Follow-up and review": "Follow-up",
}

func partLabel(section string) string {
	if l, ok := partLabels[section]; ok {
		return l
	}
	return strings.Replace(section, "Objective ", "Obj. ", 1)
}

// headline counts each document's GDC clauses by pair stance, overall and
// per part of the GDC, and draws the picture.
func headline(docs []doc, rows []row) ([]figure, template.HTML) {
	var sections []string
	counts := map[[2]string]map[string]int{} // (doc, section) → stance → clauses
	figs := make([]figure, len(docs))
	for j, d := range docs {
		figs[j].doc = d
	}
	for _, r := range rows {
		if !contains(sections, r.Section) {
			sections = append(sections, r.Section)
		}
		for j, c := range r.Cells {
			k := [2]string{c.Doc, r.Section}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][c.Stance]++
			f := &figs[j]
			switch c.Stance {
			case compare.NotReviewed:
				f.NotReviewed++
				continue
			case compare.Silent:
				f.Silent++
			case "divergent":
				f.Divergent++
				f.Counterpart++
			default:
				f.Counterpart++
			}
			f.Of++
		}
	}
	var b strings.Builder
	w := picLabel + picCol*len(sections)
	h := picHeader + picRow*len(docs)
	fmt.Fprintf(&b, `<svg id="picture" viewBox="0 0 %d %d" width="%d" role="img" aria-labelledby="picture-title">`, w, h, w)
	b.WriteString(`<title id="picture-title">Stance by part of the GDC, one row per Chinese text, oldest first; the table beside gives the figures</title>`)
	for i, s := range sections {
		x := picLabel + i*picCol + picCol/2
		fmt.Fprintf(&b, `<text class="part" data-section="%s" x="%d" y="%d" text-anchor="middle">%s</text>`, attr(s), x, picHeader-10, htmlpkg.EscapeString(partLabel(s)))
	}
	for j, d := range docs {
		y := picHeader + j*picRow
		fmt.Fprintf(&b, `<g data-doc="%s"><text class="doc" x="0" y="%d">%s</text><text class="date" x="%d" y="%d" text-anchor="end">%s</text>`,
			attr(d.ID), y+picBar/2+5, htmlpkg.EscapeString(d.Short), picLabel-10, y+picBar/2+5, htmlpkg.EscapeString(year(d.Date)))
		for i, s := range sections {
			c := counts[[2]string{d.ID, s}]
			total := 0
			for _, n := range c {
				total += n
			}
			x0 := picLabel + i*picCol + 3
			width := picCol - 6
			fmt.Fprintf(&b, `<g class="bar" data-section="%s"><title>%s</title>`, attr(s), htmlpkg.EscapeString(barTitle(d.Short, s, c, total)))
			x := float64(x0)
			for _, st := range stanceOrder {
				part := 0.0
				if total > 0 {
					part = float64(width) * float64(c[st]) / float64(total)
				}
				fmt.Fprintf(&b, `<rect class="f-%s" x="%.1f" y="%d" width="%.1f" height="%d"></rect>`, st, x, y, part, picBar)
				x += part
			}
			fmt.Fprintf(&b, `<rect class="frame" x="%d" y="%d" width="%d" height="%d"></rect></g>`, x0, y, width, picBar)
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return figs, template.HTML(b.String())
}

// barTitle says in words what a bar shows.
func barTitle(doc, section string, c map[string]int, total int) string {
	var parts []string
	for _, st := range stanceOrder {
		if c[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[st], st))
		}
	}
	if len(parts) == 0 {
		parts = []string{"no clause shown"}
	}
	return fmt.Sprintf("%s, %s (%d clauses): %s", doc, section, total, strings.Join(parts, ", "))
}

func attr(s string) string { return htmlpkg.EscapeString(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
