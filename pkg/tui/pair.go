package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// SideBySide is the narrowest window that shows a pair side by side;
// below it the two texts are stacked.
const SideBySide = 100

// pair is a GDC clause beside one counterpart at a time: the counterparts
// of one cell, or of every document (opened on the GDC column). A cell
// with no counterpart shows why: a notable silence and its note, or the
// curators' reason and the clause they found nearest.
type pair struct {
	m      *Model
	vc     view.Context
	cl     *corpus.Clause
	show   *view.Show
	doc    string // the document the pair was opened on ("" for all)
	items  []pairItem
	idx    int
	pager  pager
	follow bool // the next digit follows an ID
}

// pairItem is one counterpart record, or a document with none.
type pairItem struct {
	doc view.ShowDocument
	rec *view.ShowRecord
}

func newPair(m *Model, f compare.Filter, cl *corpus.Clause, doc string) *pair {
	vc := m.ctx.viewContext(f)
	p := &pair{m: m, vc: vc, cl: cl, doc: doc, show: view.NewShow(vc.Data, cl, vc.Lang)}
	for _, sd := range p.show.Counterparts {
		if doc != "" && sd.Document != doc {
			continue
		}
		if len(sd.Records) == 0 {
			p.items = append(p.items, pairItem{doc: sd})
		}
		for i := range sd.Records {
			p.items = append(p.items, pairItem{doc: sd, rec: &sd.Records[i]})
		}
	}
	p.pager = newPager(p.layout)
	return p
}

func (p *pair) title() string {
	t := "crosswalk browse · " + p.cl.QID()
	if len(p.items) == 0 {
		return t + " (crosswalk show " + p.cl.QID() + ")"
	}
	it := p.items[p.idx]
	return fmt.Sprintf("%s × %s · %d of %d (crosswalk show %s)", t, it.doc.Document, p.idx+1, len(p.items), p.cl.QID())
}

// layout draws the pair at width w: side by side from SideBySide columns.
func (p *pair) layout(w int) []string {
	th := p.m.ctx.Theme
	if w < SideBySide || len(p.items) == 0 {
		out := p.left(w)
		if len(p.items) > 0 {
			out = append(out, th.Render(report.MarkDim, strings.Repeat(th.Border.Top, w)))
			out = append(out, p.right(w)...)
		}
		return out
	}
	lw := (w - 3) / 2
	rw := w - 3 - lw
	left := p.left(lw)
	right := p.right(rw)
	sep := make([]string, max(len(left), len(right)))
	for i := range sep {
		sep[i] = " " + th.Render(report.MarkDim, th.Border.Left) + " "
	}
	block := func(lines []string, width int) string {
		return lipgloss.NewStyle().Width(width).Render(strings.Join(lines, "\n"))
	}
	return strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, block(left, lw), strings.Join(sep, "\n"), block(right, rw)), "\n")
}

// quotes is the GDC clause's evidence for the current counterpart.
func (p *pair) quote() string {
	if len(p.items) == 0 || p.items[p.idx].rec == nil {
		return ""
	}
	return p.items[p.idx].rec.QuoteSource
}

// left is the GDC clause: ID, kind, text with the evidence marked, and
// crosswalk's summary.
func (p *pair) left(w int) []string {
	th := p.m.ctx.Theme
	c := p.show.Clause
	out := th.Lines(report.Text{{Text: c.ID, Mark: report.MarkBold}, {Text: "  " + c.Kind, Mark: report.MarkDim}}, w)
	if c.Heading != "" {
		out = append(out, th.Lines(report.Marked(c.Heading, report.MarkDim), w)...)
	}
	out = append(out, th.Lines(report.Highlight(display(c.Text), p.quote()), w)...)
	if tr := c.Translation; p.vc.Lang != "zh" && tr != nil && !tr.Gap {
		out = append(out, "")
		out = append(out, th.Lines(report.Marked("Translation (supplied: "+tr.Title+"): ", report.MarkDim).With(report.Seg{Text: display(tr.Text)}), w)...)
	}
	if p.vc.Lang != "zh" && c.SummaryEn != "" {
		out = append(out, "")
		out = append(out, th.Lines(report.Marked("Summary (crosswalk's, unofficial): "+c.SummaryEn, report.MarkDim), w)...)
	}
	return out
}

// right is the current counterpart, or why the document has none.
func (p *pair) right(w int) []string {
	th := p.m.ctx.Theme
	it := p.items[p.idx]
	var head report.Text
	var f report.Fields
	switch {
	case it.rec != nil && it.rec.Clause != nil:
		r, c := it.rec, it.rec.Clause
		head = report.Text{report.StanceGlyph(r.Stance), {Text: " " + c.ID, Mark: report.MarkBold}}
		f = append(f, report.Field{Label: "Stance", Value: report.Text{{Text: r.Stance, Mark: report.StanceMark(r.Stance)}}},
			report.Field{Label: "Relation", Value: report.Plain(strings.TrimSpace(r.Relationship + " · " + r.Rationale))},
			report.Field{Label: "Confidence", Value: report.Plain(r.Confidence)},
			report.Field{Label: "Theme", Value: report.Plain(r.Theme)},
			report.Field{Label: "Text", Value: report.Highlight(display(c.Text), r.QuoteTarget)})
		if tr := c.Translation; tr != nil && !tr.Gap && p.vc.Lang != "zh" {
			f = append(f, report.Field{Label: "Translation", Value: report.Marked("(supplied: "+tr.Title+") ", report.MarkDim).With(report.Seg{Text: display(tr.Text)})})
		} else if c.TextEn != "" {
			f = append(f, report.Field{Label: "English", Value: report.Plain(c.TextEn)})
		} else if c.SummaryEn != "" && p.vc.Lang != "zh" {
			f = append(f, report.Field{Label: "Summary", Value: report.Marked(c.SummaryEn+" (unofficial)", report.MarkDim)})
		}
		if len(r.Qualifiers) > 0 {
			f = append(f, report.Field{Label: "Qualifiers", Value: view.QualifierText(p.vc.Data.Mappings, r.Qualifiers)})
		}
		f = append(f, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	case it.rec != nil:
		r := it.rec
		head = report.Text{report.NotedSilence(), {Text: " notable silence in " + it.doc.Document, Mark: report.MarkBold}}
		f = append(f, report.Field{Label: "Note", Value: report.Plain(r.Note)},
			report.Field{Label: "Confidence", Value: report.Plain(r.Confidence)},
			report.Field{Label: "Theme", Value: report.Plain(r.Theme)})
	case it.doc.Coverage == compare.CoverNotReviewed:
		head = report.Text{report.StanceGlyph(compare.NotReviewed), {Text: " not reviewed against " + it.doc.Document, Mark: report.MarkBold}}
		f = append(f, report.Field{Label: "Why", Value: report.Plain("No mapping file, or a draft that has not reached this clause: nobody has read the two side by side yet. This is not a silence.")})
	default:
		head = report.Text{report.StanceGlyph(compare.Silent), {Text: " no counterpart in " + it.doc.Document, Mark: report.MarkBold}}
		if s := it.doc.Silence; s != nil {
			f = append(f, report.Field{Label: "Why", Value: report.Plain(s.Note)})
			if s.Nearest != nil {
				f = append(f, report.Field{Label: "Nearest", Value: report.Marked(*s.Nearest, report.MarkBold)})
				if cl, err := p.vc.Data.Corpus.Resolve(*s.Nearest); err == nil {
					f = append(f, report.Field{Label: "Its text", Value: report.Plain(display(cl.Text))})
				}
			}
		} else if p.vc.Filter.Confidence != "" {
			f = append(f, report.Field{Label: "Why", Value: report.Plain("Every counterpart is below the confidence filter (≥" + p.vc.Filter.Confidence + "); c changes it on the matrix.")})
		} else {
			f = append(f, report.Field{Label: "Why", Value: report.Plain("The curators read this clause against the whole document and found no counterpart.")})
		}
	}
	out := th.Lines(head, w)
	return append(out, th.FieldLines(f, w)...)
}

// display swaps the ideographic space, which lipgloss pads badly, for two
// spaces (GUIDE, text pitfalls).
func display(s string) string { return strings.ReplaceAll(s, "\u3000", "  ") }

func (p *pair) resize(w, h int)        { p.pager.resize(w, h) }
func (p *pair) body(w, h int) []string { return p.pager.body(w, h) }
func (p *pair) scroll(n int)           { p.pager.scroll(n) }
func (p *pair) find(q string, dir int) bool {
	return p.pager.find(q, dir)
}

// ids are the clause IDs the pair shows, for f.
func (p *pair) ids() []string {
	ids := []string{p.cl.QID()}
	if len(p.items) == 0 {
		return ids
	}
	it := p.items[p.idx]
	if it.rec != nil && it.rec.Clause != nil {
		ids = append(ids, it.rec.Clause.ID)
	}
	if it.rec == nil && it.doc.Silence != nil && it.doc.Silence.Nearest != nil {
		ids = append(ids, *it.doc.Silence.Nearest)
	}
	return ids
}

func (p *pair) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.m.ctx.Keys
	if p.follow {
		p.follow = false
		ids := p.ids()
		s := msg.String()
		if len(s) == 1 && s[0] >= '1' && int(s[0]-'0') <= len(ids) {
			p.open(ids[s[0]-'1'])
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.NextPair, k.Right):
		p.step(1)
	case key.Matches(msg, k.PrevPair, k.Left):
		p.step(-1)
	case key.Matches(msg, k.Follow):
		var parts []string
		for i, id := range p.ids() {
			parts = append(parts, fmt.Sprintf("%d %s", i+1, id))
		}
		p.follow = true
		p.m.status = "follow which? " + strings.Join(parts, "  ") + "  (GDC: its pair view; others: the document at the clause)"
	case key.Matches(msg, k.Diff):
		return p.diff()
	default:
		p.pager.key(msg, k)
	}
	return nil
}

func (p *pair) step(d int) {
	if len(p.items) == 0 {
		return
	}
	p.idx = (p.idx + d + len(p.items)) % len(p.items)
	p.pager.vp.GotoTop()
	p.pager.resize(p.pager.w, p.pager.h)
}

// open follows an ID: a GDC clause opens its pair view over every
// document, any other clause its document at that clause.
func (p *pair) open(id string) {
	cl, err := p.vc.Data.Corpus.Resolve(id)
	if err != nil {
		p.m.status = err.Error()
		return
	}
	if cl.Doc.ID == corpus.ReferenceID {
		p.m.push(newPair(p.m, p.vc.Filter, cl, ""))
		return
	}
	p.m.push(newReader(p.m, cl.Doc, cl.QID()))
}

// diff opens the word-level comparison of the pair (crosswalk diff),
// computed in a command: a long pair takes a moment.
func (p *pair) diff() tea.Cmd {
	if len(p.items) == 0 || p.items[p.idx].rec == nil || p.items[p.idx].rec.Clause == nil {
		p.m.status = "no counterpart to compare with"
		return nil
	}
	other, err := p.vc.Data.Corpus.Resolve(p.items[p.idx].rec.Clause.ID)
	if err != nil {
		p.m.status = err.Error()
		return nil
	}
	a, vc, m := p.cl, p.vc, p.m
	return func() tea.Msg {
		v := view.NewDiff(vc, a, other, analysis.DiffOptions{MinRun: 4, Timeout: analysis.DefaultDiffTimeout})
		name := "crosswalk browse · word diff (crosswalk diff " + a.QID() + " " + other.QID() + ")"
		return pushMsg{newDocReader(m, name, v.Doc(), "")}
	}
}

func (p *pair) bindings() [][]key.Binding {
	k := p.m.ctx.Keys
	return [][]key.Binding{{k.NextPair, k.Diff, k.Follow, k.Back}, {k.PrevPair, k.Search}}
}
