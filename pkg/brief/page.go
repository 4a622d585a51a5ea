package brief

import (
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// page is everything the HTML template shows. Strings are escaped by the
// template; template.HTML values come from report.HTML, which escapes.
type page struct {
	Header     template.HTML // filters and data version
	Files      []file
	Docs       []doc
	Objectives []int
	Themes     []corpus.Theme
	Stances    []string
	Rows       []row
	Pairs      []pair
	Reports    []template.HTML
	// Legends come from the renderer, for the marks each part uses.
	MatrixLegend, PairsLegend template.HTML
	Running                   string // the line printed at the foot of every page
}

type file struct{ Target, Version, Status, Method, Reviewed string }

type doc struct{ ID, Short, Date string }

// row is one matrix row; its cells link to the pair view.
type row struct {
	Clause, Local, Anchor, Summary string
	Objective                      int
	Themes                         string
	Cells                          []cell
}

type cell struct {
	Doc, Stance string
	// Conf is the highest confidence rank of the cell's counterparts
	// (3 high … 1 low, 0 none), for the page's confidence filter.
	Conf int
	HTML template.HTML
}

// pair is one GDC clause beside its counterparts in each document.
type pair struct {
	Anchor, Clause, Heading, Kind, Summary, TextEn string
	// EnTag names where TextEn comes from: the official English of the
	// source, or a translation the user supplied (with its title).
	EnTag string
	Text  template.HTML
	Docs  []pairDoc
}

type pairDoc struct {
	Doc, Date string
	Records   []pairRecord
	// A cell without records is a reviewed silence (Why says why, and
	// Nearest is the clause the curators found nearest, with its text) or
	// not reviewed.
	Why, Nearest string
	NearestText  template.HTML
}

type pairRecord struct {
	Clause                                      string // "" for a notable silence
	Stance                                      template.HTML
	Relationship, Confidence, Theme, Note       string
	Text                                        template.HTML
	TextEn, Summary, Heading, StanceName, Ratio string
	EnTag                                       string
}

// englishOf is a clause's English for the page and what to call it: a
// supplied translation first, then the source's official English.
func englishOf(cl *corpus.Clause) (text, tag string) {
	if tr := cl.Translation; tr != nil && !tr.Gap {
		return tr.Text, "Supplied translation: " + tr.Title + dated(tr.Date)
	}
	if cl.TextEn != "" {
		return cl.TextEn, "Official English"
	}
	return "", ""
}

func dated(date string) string {
	if date == "" {
		return ""
	}
	return ", " + date
}

var nonWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^A-Za-z0-9]+`) })

// anchor is the id of a clause's pair view: gdc:29(d) → pair-gdc-29-d.
func anchor(qid string) string {
	return "pair-" + strings.Trim(nonWord().ReplaceAllString(qid, "-"), "-")
}

// newPage computes the views the page shows, under the filters of c.
func newPage(c view.Context) (*page, error) {
	mx := view.NewCompare(c)
	md := mx.Doc()
	p := &page{Header: template.HTML(report.HTMLText(fieldsText(md.Meta))), Stances: []string{"aligned", "partial", "divergent", compare.Silent}}
	p.Running = "crosswalk briefing · data version " + c.Data.Version + " · " + md.Meta[0].Value.String() +
		" · English summaries are crosswalk's own and unofficial"
	for _, f := range c.Data.Mappings.Files {
		p.Files = append(p.Files, file{f.Target, f.Version, f.Status, f.Method, f.Reviewed})
	}
	for _, id := range mx.Documents {
		d, _ := c.Data.Corpus.Doc(id)
		p.Docs = append(p.Docs, doc{ID: id, Short: view.ShortDoc(id), Date: d.Date})
	}
	var cells *report.Table
	if len(md.Blocks) > 0 {
		cells, _ = md.Blocks[0].(*report.Table)
	}
	if len(mx.Rows) > 0 && (cells == nil || len(cells.Rows) != len(mx.Rows)) {
		return nil, fmt.Errorf("the matrix view has no table of %d rows to draw cells from", len(mx.Rows))
	}
	p.MatrixLegend = template.HTML(report.HTMLLegend(md))
	var drawn report.Text // every glyph and quote the pair views draw
	themes := map[string]bool{}
	for i, r := range mx.Rows {
		cl, err := c.Data.Corpus.Resolve(r.Clause)
		if err != nil {
			return nil, err
		}
		for _, th := range cl.Themes {
			themes[th] = true
		}
		p.Rows = append(p.Rows, newRow(r, cl, cells.Rows[i][1:]))
		p.Pairs = append(p.Pairs, newPair(c, cl, mx.Documents, &drawn))
		if !slices.Contains(p.Objectives, r.Objective) {
			p.Objectives = append(p.Objectives, r.Objective)
		}
	}
	slices.Sort(p.Objectives)
	p.PairsLegend = template.HTML(report.HTMLLegend(&report.Doc{Blocks: []report.Block{report.Para{Text: drawn}}}))
	for _, th := range c.Data.Corpus.Themes.List {
		if themes[th.Key] {
			p.Themes = append(p.Themes, th)
		}
	}
	p.Reports = reports(c)
	return p, nil
}

func fieldsText(fs []report.Field) report.Text {
	var t report.Text
	for i, f := range fs {
		if i > 0 {
			t = append(t, report.Seg{Text: " · "})
		}
		t = append(t, report.Seg{Text: f.Label + ": ", Mark: report.MarkBold})
		t = append(t, f.Value...)
	}
	return t
}

func newRow(r view.CompareRow, cl *corpus.Clause, drawn []report.Text) row {
	out := row{Clause: r.Clause, Local: cl.ID, Anchor: anchor(r.Clause), Summary: r.SummaryEn, Objective: r.Objective, Themes: strings.Join(cl.Themes, " ")}
	for j, c := range r.Cells {
		conf := 0
		for _, cp := range c.Counterparts {
			conf = max(conf, mapping.ConfidenceRank(cp.Confidence))
		}
		out.Cells = append(out.Cells, cell{Doc: c.Document, Stance: c.Stance, Conf: conf, HTML: template.HTML(report.HTMLText(drawn[j]))})
	}
	return out
}

// newPair is the clause with its counterparts in the compared documents,
// the evidence highlighted on both sides.
func newPair(c view.Context, cl *corpus.Clause, docs []string, drawn *report.Text) pair {
	sv := view.NewShow(c.Data, cl, c.Lang)
	p := pair{Anchor: anchor(cl.QID()), Clause: cl.QID(), Heading: sv.Clause.Heading, Kind: cl.Kind, Summary: cl.SummaryEn}
	p.TextEn, p.EnTag = englishOf(cl)
	var quotes []string
	for _, sd := range sv.Counterparts {
		if !slices.Contains(docs, sd.Document) {
			continue
		}
		d, _ := c.Data.Corpus.Doc(sd.Document)
		pd := pairDoc{Doc: sd.Document, Date: d.Date}
		if si := sd.Silence; si != nil {
			pd.Why = si.Note
			if si.Nearest != nil {
				pd.Nearest = *si.Nearest
				if ncl, err := c.Data.Corpus.Resolve(pd.Nearest); err == nil {
					pd.NearestText = html(report.Plain(ncl.Text), drawn)
				}
			}
		}
		for _, r := range sd.Records {
			quotes = append(quotes, r.QuoteSource)
			pd.Records = append(pd.Records, newPairRecord(r, drawn))
		}
		p.Docs = append(p.Docs, pd)
	}
	p.Text = html(report.Highlight(cl.Text, quotes...), drawn)
	return p
}

func newPairRecord(r view.ShowRecord, drawn *report.Text) pairRecord {
	pr := pairRecord{Stance: html(report.Text{report.StanceGlyph(r.Stance)}, drawn), StanceName: r.Stance,
		Relationship: r.Relationship, Ratio: r.Rationale, Confidence: r.Confidence, Theme: r.Theme, Note: r.Note}
	if r.Clause != nil {
		pr.Clause, pr.Heading, pr.TextEn, pr.Summary = r.Clause.ID, r.Clause.Heading, r.Clause.TextEn, r.Clause.SummaryEn
		if tr := r.Clause.Translation; tr != nil && !tr.Gap {
			pr.TextEn, pr.EnTag = tr.Text, "Supplied translation: "+tr.Title+dated(tr.Date)
		} else if pr.TextEn != "" {
			pr.EnTag = "Official English"
		}
		pr.Text = html(report.Highlight(r.Clause.Text, r.QuoteTarget), drawn)
	} else {
		pr.Stance = html(report.Text{report.NotedSilence()}, drawn)
	}
	return pr
}

// html renders t and keeps its glyphs and quotes for the legend.
func html(t report.Text, drawn *report.Text) template.HTML {
	for _, s := range t {
		if s.Glyph != report.GlyphNone || s.Mark == report.MarkQuote {
			*drawn = append(*drawn, s)
		}
	}
	return template.HTML(report.HTMLText(t))
}

// reports are the other reports under the same filters, as HTML sections.
func reports(c view.Context) []template.HTML {
	var out []template.HTML
	for _, v := range []report.View{view.NewDivergences(c), view.NewGaps(c, view.SideBoth, false), view.NewPrinciples(c),
		view.NewEmphasis(c, compare.ByChars, 8), view.NewStats(c)} {
		d := v.Doc()
		d.Meta = nil // the page header states filters and data once
		out = append(out, template.HTML(report.HTML(d)))
	}
	return out
}
