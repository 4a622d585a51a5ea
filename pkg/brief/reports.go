package brief

import (
	"fmt"
	htmlpkg "html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// tagger renders a report for the page: the markup report.HTML writes, with
// each item (a table row, or a record's paragraph and its fields) tagged
// with what the in-page filters select on: the objectives and themes of
// the GDC clauses it names, the stances it shows and its confidence.
type tagger struct {
	corpus *corpus.Corpus
	themes map[string]bool
}

func newTagger(c view.Context) *tagger {
	tg := &tagger{corpus: c.Data.Corpus, themes: map[string]bool{}}
	for _, th := range c.Data.Corpus.Themes.List {
		tg.themes[th.Key] = true
	}
	return tg
}

var (
	gdcID      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bgdc:[0-9A-Za-z().]+`) })
	confidence = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`confidence (low|medium|high)`) })
	// Terminal and guide words a reader of the page has no use for.
	terminalNote = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("(?i)(crosswalk (show|compare|stats|gaps)|CURATION §|--[a-z]+|`)")
	})
)

// tags are what one item names.
type tags struct {
	objectives, themes, stances []string
	conf                        int // lowest confidence rank named, 0 for none
}

func (t *tags) add(tg *tagger, text report.Text) {
	for _, s := range text {
		if s.Glyph != report.GlyphNone {
			if st := glyphStance(s.Glyph); st != "" && !slices.Contains(t.stances, st) {
				t.stances = append(t.stances, st)
			}
			if s.Glyph == report.GlyphLow {
				t.lowest(1)
			}
		}
		for _, str := range []string{s.Text, s.Full} {
			for _, id := range gdcID().FindAllString(str, -1) {
				t.clause(tg, id)
			}
			for _, m := range confidence().FindAllStringSubmatch(str, -1) {
				t.lowest(mapping.ConfidenceRank(m[1]))
			}
		}
		word := strings.TrimSpace(s.Text)
		if tg.themes[word] {
			t.theme(word)
		}
		// A bold local ID is a GDC clause in the principles report.
		if s.Mark == report.MarkBold && word != "" && !strings.Contains(word, ":") {
			t.clause(tg, "gdc:"+word)
		}
		// A part of the GDC in the stats report.
		if strings.HasPrefix(word, "Objective ") && len(word) > len("Objective ") {
			if n, err := strconv.Atoi(word[len("Objective ") : len("Objective ")+1]); err == nil {
				t.objective(n)
			}
		}
	}
}

func (t *tags) lowest(rank int) {
	if rank > 0 && (t.conf == 0 || rank < t.conf) {
		t.conf = rank
	}
}

func (t *tags) clause(tg *tagger, id string) {
	cl, err := tg.corpus.Resolve(strings.TrimRight(id, "."))
	if err != nil || cl.Doc.ID != corpus.ReferenceID {
		return
	}
	t.objective(compare.Objective(cl))
	for _, th := range cl.Themes {
		t.theme(th)
	}
}

func (t *tags) objective(n int) {
	if s := strconv.Itoa(n); !slices.Contains(t.objectives, s) {
		t.objectives = append(t.objectives, s)
	}
}

func (t *tags) theme(k string) {
	if !slices.Contains(t.themes, k) {
		t.themes = append(t.themes, k)
	}
}

// attrs are the item's data attributes; an item naming nothing has none
// and stays whatever the filters.
func (t *tags) attrs() string {
	var b strings.Builder
	b.WriteString(` data-f=""`)
	for _, a := range []struct {
		name string
		vals []string
	}{{"obj", t.objectives}, {"themes", t.themes}, {"stances", t.stances}} {
		if len(a.vals) > 0 {
			fmt.Fprintf(&b, ` data-%s="%s"`, a.name, htmlpkg.EscapeString(strings.Join(a.vals, " ")))
		}
	}
	if t.conf > 0 {
		fmt.Fprintf(&b, ` data-conf="%d"`, t.conf)
	}
	return b.String()
}

func glyphStance(g report.Glyph) string {
	switch g {
	case report.GlyphAligned:
		return "aligned"
	case report.GlyphPartial:
		return "partial"
	case report.GlyphDivergent:
		return "divergent"
	case report.GlyphSilent, report.GlyphNotedSilence:
		return compare.Silent
	}
	return ""
}

// html renders d as report.HTML does, with tagged items, scroll regions a
// keyboard can reach, and notes in a reader's words.
func (tg *tagger) html(d *report.Doc) string {
	var b strings.Builder
	id := "report-" + strings.Trim(nonWord().ReplaceAllString(strings.ToLower(firstWord(d.Title)), "-"), "-")
	fmt.Fprintf(&b, `<section class="report" id="%s" aria-labelledby="%s-h">`+"\n", id, id)
	fmt.Fprintf(&b, "<h2 id=\"%s-h\">%s</h2>\n", id, htmlpkg.EscapeString(d.Title))
	open := false // an item <div> is open
	// Each table is a landmark region, and screen readers list regions by
	// name: a report's tables are named by the heading they sit under, and
	// numbered where that is not enough.
	group, named := "", map[string]int{}
	closeItem := func() {
		if open {
			b.WriteString("</div>\n")
			open = false
		}
	}
	for i, blk := range d.Blocks {
		switch blk := blk.(type) {
		case report.Heading:
			closeItem()
			group = blk.Text
			fmt.Fprintf(&b, "<h3 class=\"group\">%s</h3>\n", htmlpkg.EscapeString(blk.Text))
		case report.Para:
			closeItem()
			if len(blk.Text) == 0 {
				continue
			}
			if i+1 < len(d.Blocks) {
				if _, ok := d.Blocks[i+1].(*report.Table); ok {
					fmt.Fprintf(&b, "<p class=\"cap\">%s</p>\n", report.HTMLText(blk.Text))
					continue
				}
			}
			// A paragraph opens an item; the fields after it belong to it.
			t := &tags{}
			t.add(tg, blk.Text)
			for _, next := range d.Blocks[i+1:] {
				f, ok := next.(report.Fields)
				if !ok {
					break
				}
				for _, x := range f {
					t.add(tg, x.Value)
				}
			}
			fmt.Fprintf(&b, "<div class=\"item\"%s>\n<p>%s</p>\n", t.attrs(), report.HTMLText(blk.Text))
			open = true
		case report.Fields:
			b.WriteString("<dl class=\"fields\">\n")
			for _, x := range blk {
				fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>\n", htmlpkg.EscapeString(strings.TrimSpace(x.Label)), report.HTMLText(x.Value))
			}
			b.WriteString("</dl>\n")
		case *report.Table:
			closeItem()
			name := d.Title
			if group != "" {
				name += ": " + group
			}
			if named[name]++; named[name] > 1 {
				name += fmt.Sprintf(" (%d)", named[name])
			}
			tg.table(&b, blk, name)
		}
	}
	closeItem()
	legend := *d
	legend.Notes = nil
	for _, n := range d.Notes {
		if !terminalNote().MatchString(n) {
			legend.Notes = append(legend.Notes, n)
		}
	}
	b.WriteString(report.HTMLLegend(&legend))
	b.WriteString("</section>\n")
	return b.String()
}

func (tg *tagger) table(b *strings.Builder, t *report.Table, title string) {
	fmt.Fprintf(b, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s, table\"><table>\n<thead><tr>", htmlpkg.EscapeString(title))
	for _, c := range t.Columns {
		h := c.Header
		if strings.TrimSpace(h) == "" {
			h = "—"
		}
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", htmlpkg.EscapeString(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		tg2 := &tags{}
		for _, cell := range r {
			tg2.add(tg, cell)
		}
		fmt.Fprintf(b, "<tr%s>", tg2.attrs())
		for j := range t.Columns {
			var cell report.Text
			if j < len(r) {
				cell = r[j]
			}
			fmt.Fprintf(b, "<td>%s</td>", report.HTMLText(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " :"); i > 0 {
		return s[:i]
	}
	return s
}
