package brief

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	htmlpkg "html"
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
	Filters    string        // the command-line filters, "none" without
	Version    string        // data version
	Title      string        // names what was compared: every text, or the one
	Lead       string        // what was compared and how, in one paragraph
	Figures    []figure      // key figures per document, in date order
	Picture    template.HTML // stance by part of the GDC, per document, as SVG
	Files      []file
	Docs       []doc
	Objectives []int
	Themes     []corpus.Theme
	Stances    []string
	Rows       []row
	Pairs      []pair
	// PairData holds each pair view's HTML by anchor, rendered on demand;
	// ReportData the reports of each document alone, for the in-page
	// document filter. Both are packed JSON (see packed) inside a script
	// element that is never run. template.HTML, as html/template would
	// write base64's "+" as "&#43;", which a script element keeps as is.
	PairData, ReportData template.HTML
	// Legends come from the renderer, for the marks each part uses.
	MatrixLegend, PairsLegend template.HTML
	Running                   string // the line printed at the foot of every page
	// RunningCSS is Running as a CSS string, for the printed page header:
	// html/template will not put a value inside a CSS string itself (it
	// writes #ZgotmplZ instead), so the page escapes it here.
	RunningCSS template.CSS
}

type file struct{ Doc, Target, Version, Status, Method, Reviewed string }

type doc struct{ ID, Short, Date, Title, Lang string }

// figure is one document's key figures over the matrix rows, the GDC
// clauses counted once each by their pair stance (as stats counts them).
type figure struct {
	doc
	Counterpart, Divergent, Silent, NotReviewed, Of int
}

// AnyNotReviewed is whether some document has clauses nobody reviewed.
func (p *page) AnyNotReviewed() bool {
	for _, f := range p.Figures {
		if f.NotReviewed > 0 {
			return true
		}
	}
	return false
}

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", (200*n+of)/(2*of))
}

func (f figure) CounterpartPct() string { return pct(f.Counterpart, f.Of) }
func (f figure) SilentPct() string      { return pct(f.Silent, f.Of) }

// row is one matrix row; its cells link to the pair view.
type row struct {
	Clause, Local, Anchor, Summary string
	Section                        string // part of the GDC, as in stats
	Objective                      int
	Themes                         string
	Cells                          []cell
}

type cell struct {
	Doc, Stance string
	// Medium and High are the cell's stance when only records that sure
	// count (a cell left with none reads as silent), as --confidence does.
	Medium, High string
	// Has, Has2 and Has3 list the stances of the cell's records at every
	// confidence, medium or higher, and high: --stance selects records, so
	// a partial cell holding an aligned record shows for "aligned".
	Has, Has2, Has3 string
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
	Doc, Date, Lang, Anchor string
	Records                 []pairRecord
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
	Qualifiers                                  []pairQualifier
	Text                                        template.HTML
	TextEn, Summary, Heading, StanceName, Ratio string
	EnTag                                       string
}

// pairQualifier is one of a record's qualifiers, named in words, with the
// target's words that carry it.
type pairQualifier struct{ Label, Words string }

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
	p := &page{Header: template.HTML(report.HTMLText(fieldsText(md.Meta))), Stances: []string{"aligned", "partial", "divergent", compare.Silent},
		Filters: md.Meta[0].Value.String(), Version: c.Data.Version}
	p.Running = "crosswalk briefing · data version " + c.Data.Version + " · " + md.Meta[0].Label + ": " + p.Filters +
		" · English summaries are crosswalk's own and unofficial"
	p.RunningCSS = cssString(p.Running)
	for _, id := range mx.Documents {
		d, _ := c.Data.Corpus.Doc(id)
		p.Docs = append(p.Docs, doc{ID: id, Short: view.ShortDoc(id), Date: d.Date, Title: d.TitleEn, Lang: d.Language})
	}
	for _, f := range c.Data.Mappings.Files {
		if slices.Contains(mx.Documents, f.Target) {
			p.Files = append(p.Files, file{f.Target, f.Target, f.Version, f.Status, f.Method, f.Reviewed})
		}
	}
	p.Title, p.Lead = titles(p.Docs, len(mx.Rows))
	var cells *report.Table
	if len(md.Blocks) > 0 {
		cells, _ = md.Blocks[0].(*report.Table)
	}
	if len(mx.Rows) > 0 && (cells == nil || len(cells.Rows) != len(mx.Rows)) {
		return nil, fmt.Errorf("the matrix view has no table of %d rows to draw cells from", len(mx.Rows))
	}
	// The same matrix counting only surer records, for the in-page
	// confidence filter: same rows, since no stance filter is dropped.
	surer := map[string]*view.Compare{}
	for _, level := range []string{"medium", "high"} {
		surer[level] = mx
		if mapping.ConfidenceRank(level) > mapping.ConfidenceRank(c.Filter.Confidence) {
			narrowed := *c.Data
			narrowed.Mappings = c.Data.Mappings.AtLeast(level)
			cc := c
			cc.Data, cc.Filter.Confidence = &narrowed, level
			if v := view.NewCompare(cc); len(v.Rows) == len(mx.Rows) {
				surer[level] = v // a stance filter may keep other rows: no finer choice then
			}
		}
	}
	// The legend without the notes for terminal users; the column names
	// are said per document, so the document filter can hide them.
	legend := *md
	legend.Notes = nil
	p.MatrixLegend = template.HTML(report.HTMLLegend(&legend))
	var drawn report.Text // every glyph and quote the pair views draw
	themes := map[string]bool{}
	pairs := map[string]string{}
	for i, r := range mx.Rows {
		cl, err := c.Data.Corpus.Resolve(r.Clause)
		if err != nil {
			return nil, err
		}
		for _, th := range cl.Themes {
			themes[th] = true
		}
		rw := newRow(r, cl, cells.Rows[i][1:])
		for j := range rw.Cells {
			rw.Cells[j].Medium = surer["medium"].Rows[i].Cells[j].Stance
			rw.Cells[j].High = surer["high"].Rows[i].Cells[j].Stance
			rw.Cells[j].Has = recordStances(r.Cells[j])
			rw.Cells[j].Has2 = recordStances(surer["medium"].Rows[i].Cells[j])
			rw.Cells[j].Has3 = recordStances(surer["high"].Rows[i].Cells[j])
		}
		p.Rows = append(p.Rows, rw)
		pr := newPair(c, cl, mx.Documents, &drawn)
		p.Pairs = append(p.Pairs, pr)
		var buf bytes.Buffer
		if err := pageTmpl().ExecuteTemplate(&buf, "pair", pr); err != nil {
			return nil, err
		}
		pairs[pr.Anchor] = buf.String()
		if !slices.Contains(p.Objectives, r.Objective) {
			p.Objectives = append(p.Objectives, r.Objective)
		}
	}
	slices.Sort(p.Objectives)
	p.Figures, p.Picture = headline(p.Docs, p.Rows)
	p.PairsLegend = template.HTML(report.HTMLLegend(&report.Doc{Blocks: []report.Block{report.Para{Text: drawn}}}))
	for _, th := range c.Data.Corpus.Themes.List {
		if themes[th.Key] {
			p.Themes = append(p.Themes, th)
		}
	}
	tg := newTagger(c)
	var all strings.Builder
	for _, r := range reports(c, tg) {
		all.WriteString(string(r))
	}
	variants := map[string]string{"": all.String()}
	if len(mx.Documents) > 1 {
		for _, d := range mx.Documents {
			cc := c
			cc.Filter.Against = []string{d}
			var b strings.Builder
			for _, r := range reports(cc, tg) {
				b.WriteString(string(r))
			}
			variants[d] = b.String()
		}
	}
	var err error
	if p.PairData, err = packed(pairs); err != nil {
		return nil, err
	}
	if p.ReportData, err = packed(variants); err != nil {
		return nil, err
	}
	return p, nil
}

// packed is v as JSON, gzip-compressed and base64-encoded, for a data
// element the page's script decodes (DecompressionStream) when a view is
// first needed. Compressed, the page is a third of its size: the browser
// parses about 1.5 MB rather than 4 MB before it shows anything, and no JSON is
// parsed at load. Base64 holds no "<", so nothing in it can end the element.
func packed(v any) (template.HTML, error) {
	var b strings.Builder
	b64 := base64.NewEncoder(base64.StdEncoding, &b)
	zw, err := gzip.NewWriterLevel(b64, gzip.BestCompression)
	if err != nil {
		return "", err
	}
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false) // the JSON never meets an HTML parser
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	if err := b64.Close(); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Unpack reads the data element id ("pair-data" or "report-data") back
// out of a page HTML wrote: the HTML of each view by its key. For tests
// and tools that look inside a page as its script does.
func Unpack(page []byte, id string) (map[string]string, error) {
	_, rest, ok := bytes.Cut(page, []byte(`<script type="application/octet-stream" id="`+id+`">`))
	data, _, ok2 := bytes.Cut(rest, []byte("</script>"))
	if !ok || !ok2 {
		return nil, fmt.Errorf("no %s element in the page", id)
	}
	zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	var out map[string]string
	if err := json.NewDecoder(zr).Decode(&out); err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	return out, nil
}

// titles are the page's heading and lead paragraph, naming what was
// compared under the filters.
func titles(docs []doc, rows int) (string, string) {
	var title string
	switch len(docs) {
	case 0:
		title = "Global Digital Compact, clause by clause"
	case 1:
		title = "Global Digital Compact and " + docs[0].ID + ", clause by clause"
	default:
		title = "Global Digital Compact and " + numberWord(len(docs)) + " Chinese texts, clause by clause"
	}
	span := ""
	if len(docs) > 0 {
		span = fmt.Sprintf(" (%s to %s)", year(docs[0].Date), year(docs[len(docs)-1].Date))
	}
	lead := fmt.Sprintf("Each of %d GDC clauses was read against %d Chinese text%s%s by two readers working independently. "+
		"Where a text has a counterpart, the link is coded aligned, partial or divergent, with a confidence; "+
		"where it has none, the curators recorded why and the nearest clause.", rows, len(docs), plural(len(docs)), span)
	return title, lead
}

// cssString quotes s as a CSS string. Quotes, backslashes, controls and
// the characters that could end the style element are written as CSS
// hex escapes (with the space that ends one).
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"\<>&`, r) {
			fmt.Fprintf(&b, `\%x `, r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

func numberWord(n int) string {
	if n < 10 {
		return []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n]
	}
	return fmt.Sprint(n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func year(date string) string {
	if len(date) >= 4 {
		return date[:4]
	}
	return date
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
	out := row{Clause: r.Clause, Local: cl.ID, Anchor: anchor(r.Clause), Summary: r.SummaryEn, Objective: r.Objective,
		Section: compare.Section(cl), Themes: strings.Join(cl.Themes, " ")}
	for j, c := range r.Cells {
		conf := 0
		for _, cp := range c.Counterparts {
			conf = max(conf, mapping.ConfidenceRank(cp.Confidence))
		}
		out.Cells = append(out.Cells, cell{Doc: c.Document, Stance: c.Stance, Conf: conf, HTML: cellHTML(c, drawn[j])})
	}
	return out
}

// recordStances lists the distinct stances of a cell's counterparts.
func recordStances(c view.CompareCell) string {
	var out []string
	for _, cp := range c.Counterparts {
		if !slices.Contains(out, cp.Stance) {
			out = append(out, cp.Stance)
		}
	}
	return strings.Join(out, " ")
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
		pd := pairDoc{Doc: sd.Document, Date: d.Date, Lang: d.Language, Anchor: p.Anchor + "--" + sd.Document}
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
			pr := newPairRecord(r, drawn, c.Data.Mappings)
			for _, th := range c.Data.Corpus.Themes.List {
				if th.Key == pr.Theme && th.En != "" {
					pr.Theme = th.En
				}
			}
			pd.Records = append(pd.Records, pr)
		}
		p.Docs = append(p.Docs, pd)
	}
	p.Text = html(report.Highlight(cl.Text, quotes...), drawn)
	return p
}

func newPairRecord(r view.ShowRecord, drawn *report.Text, set *mapping.Set) pairRecord {
	pr := pairRecord{Stance: html(report.Text{report.StanceGlyph(r.Stance)}, drawn), StanceName: r.Stance,
		Relationship: r.Relationship, Ratio: r.Rationale, Confidence: r.Confidence, Theme: r.Theme, Note: r.Note}
	for _, q := range r.Qualifiers {
		pr.Qualifiers = append(pr.Qualifiers, pairQualifier{Label: view.QualifierLabel(set, q.Key), Words: q.Words})
	}
	if r.Clause != nil {
		pr.Clause, pr.Heading, pr.TextEn, pr.Summary = r.Clause.ID, r.Clause.Heading, r.Clause.TextEn, r.Clause.SummaryEn
		if tr := r.Clause.Translation; tr != nil && !tr.Gap {
			pr.TextEn, pr.EnTag = tr.Text, "Supplied translation: "+tr.Title+dated(tr.Date)
		} else if pr.TextEn != "" {
			pr.EnTag = "Official English"
		}
		pr.Text = evidence(report.Highlight(r.Clause.Text, r.QuoteTarget), drawn)
	} else {
		pr.Stance = html(report.Text{report.NotedSilence()}, drawn)
	}
	return pr
}

// evidence renders a counterpart's text with its quoted evidence marked,
// and the rest in "ctx" spans: on paper only the evidence is printed (with
// an ellipsis where text is left out), which keeps the printed clause
// views to a length one would file. A text with no evidence found in it
// prints whole.
func evidence(t report.Text, drawn *report.Text) template.HTML {
	quoted := slices.ContainsFunc(t, func(s report.Seg) bool { return s.Mark == report.MarkQuote })
	if !quoted {
		return html(t, drawn)
	}
	var b strings.Builder
	for _, s := range t {
		part := string(html(report.Text{s}, drawn))
		if s.Mark != report.MarkQuote {
			part = `<span class="ctx">` + part + `</span>`
		}
		b.WriteString(part)
	}
	return template.HTML(b.String())
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

// reports are the other reports under the same filters, as HTML sections
// whose items carry what the in-page filters select on.
func reports(c view.Context, tg *tagger) []template.HTML {
	var out []template.HTML
	for _, v := range []report.View{view.NewDivergences(c), view.NewGaps(c, view.SideBoth, false), view.NewPrinciples(c),
		view.NewEmphasis(c, compare.ByChars, 8), view.NewStats(c)} {
		d := v.Doc()
		d.Meta = nil // the page header states filters and data once
		out = append(out, template.HTML(tg.html(d)))
	}
	return out
}

// cellHTML draws a matrix cell with one element per counterpart (the
// matrix is most of the page's elements). The stance marks are the style
// sheet's generated content, whose alternative text says them in words
// (content: "◐" / "partial"), so the mark and the word cost no element.
func cellHTML(c view.CompareCell, t report.Text) template.HTML {
	var b strings.Builder
	if len(c.Counterparts) == 0 {
		// A link needs text of its own: the mark, and the words for it.
		words := map[report.Glyph]string{report.GlyphNotReviewed: "not reviewed", report.GlyphNotedSilence: "no counterpart, a notable silence"}[t[0].Glyph]
		if words == "" {
			words = "no counterpart"
		}
		fmt.Fprintf(&b, `<span class="c-%s"><span aria-hidden="true">%s</span><span class="vh">%s</span></span>`, t[0].Glyph,
			map[report.Glyph]string{report.GlyphNotReviewed: "?", report.GlyphNotedSilence: "·!"}[t[0].Glyph]+map[bool]string{true: "·"}[t[0].Glyph == report.GlyphSilent], words)
		return template.HTML(b.String())
	}
	for i, cp := range c.Counterparts {
		if i > 0 {
			b.WriteString("<br>")
		}
		low := ""
		if cp.Confidence == mapping.ConfidenceLow {
			low = " low"
		}
		local := cp.Clause[strings.Index(cp.Clause, ":")+1:]
		fmt.Fprintf(&b, `<span class="c c-%s%s m-%s">%s</span>`, cp.Stance, low, cp.Stance, htmlpkg.EscapeString(local))
	}
	return template.HTML(b.String())
}
