package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Stats is coverage and the alignment score per document and per part of the GDC.
type Stats struct {
	Meta
	Coverage    []DocCoverage  `json:"coverage"`
	PerDocument []StatsCounts  `json:"per_document"`
	PerSection  []StatsSection `json:"per_section"`
	// Length is each document's Chinese characters: scores grow with a
	// text's length and breadth, so a reader needs both beside them.
	Length map[string]int `json:"han_chars"`
}

// StatsCounts are one document's counts and score. Clauses nobody has
// reviewed are counted in not_reviewed and are out of scope; with nothing
// in scope the score is null.
type StatsCounts struct {
	Document string `json:"document"`
	compare.Counts
	Score *float64 `json:"alignment_score"` // to one decimal place
}

// scoreText is the score to one decimal place, or "n/a" with nothing in scope.
func (c StatsCounts) scoreText(format string) string {
	if c.Score == nil {
		return "n/a"
	}
	return fmt.Sprintf(format, *c.Score)
}

// StatsSection is one part of the GDC across the documents.
type StatsSection struct {
	Section string        `json:"section"`
	Counts  []StatsCounts `json:"per_document"`
}

func statsCounts(doc string, c compare.Counts) StatsCounts {
	sc := StatsCounts{Document: doc, Counts: c}
	if score, ok := c.Score(); ok {
		rounded := float64(int(score*10+0.5)) / 10
		sc.Score = &rounded
	}
	return sc
}

// NewStats counts the GDC clauses in scope by stance for each document.
func NewStats(c Context) *Stats {
	st := compare.ComputeStats(c.Data.Corpus, c.Data.Mappings, c.Filter)
	v := &Stats{Meta: c.meta("stats"), Coverage: docCoverage(c, st.Docs), PerDocument: []StatsCounts{}, PerSection: []StatsSection{}, Length: map[string]int{}}
	for j, d := range st.Docs {
		v.PerDocument = append(v.PerDocument, statsCounts(d.ID, st.PerDoc[j]))
		for _, cl := range d.Clauses {
			v.Length[d.ID] += compare.HanCount(cl.Text)
		}
	}
	for _, s := range st.Sections {
		sv := StatsSection{Section: s.Section, Counts: []StatsCounts{}}
		for j, d := range st.Docs {
			sv.Counts = append(sv.Counts, statsCounts(d.ID, s.PerDoc[j]))
		}
		v.PerSection = append(v.PerSection, sv)
	}
	return v
}

// scope is the number of GDC clauses other than chapeaus and footnotes,
// reviewed or not, so the same for every document.
func scope(cs []StatsCounts) int {
	if len(cs) == 0 {
		return 0
	}
	return cs[0].Scope + cs[0].NotReviewed
}

// Doc is the per-document table, then the per-part table.
func (v *Stats) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Coverage and alignment of the GDC in each Chinese text",
		Meta:  append(v.fields(), report.Field{Label: "GDC clauses (lead-in chapeaus and footnotes aside)", Value: report.Plain(itoa(scope(v.PerDocument)))}),
		Notes: []string{
			"Each GDC clause in scope (lead-in chapeaus and footnotes excluded) counts once, by its strongest record: divergent, else partial, else aligned, else silent.",
			confidenceNote(v.Filters),
			"Score = (aligned + ½ × partial) / clauses in scope × 100. Records: curated records, including notable silences.",
		},
	}
	var docs []string
	notReviewed := false
	for _, c := range v.PerDocument {
		notReviewed = notReviewed || c.NotReviewed > 0
	}
	cols := []report.Column{{Header: "Document"}, {Header: "Aligned"}, {Header: "Partial"}, {Header: "Divergent"}, {Header: "Silent"}}
	if notReviewed {
		cols = append(cols, report.Column{Header: "Not reviewed"})
	}
	t := &report.Table{Columns: append(cols, report.Column{Header: "Records"}, report.Column{Header: "Score"})}
	for _, c := range v.PerDocument {
		docs = append(docs, c.Document)
		of := c.Scope + c.NotReviewed
		cells := []report.Text{report.Marked(ShortDoc(c.Document), report.MarkBold),
			countCell(c.Aligned, of), countCell(c.Partial, of), countCell(c.Divergent, of), countCell(c.Silent, of)}
		if notReviewed {
			nr := countCell(c.NotReviewed, of)
			if c.NotReviewed > 0 {
				nr = report.Text{report.StanceGlyph(compare.NotReviewed), report.Seg{Text: " " + nr.String()}}
			}
			cells = append(cells, nr)
		}
		t.Rows = append(t.Rows, append(cells, report.Plain(itoa(c.Records)), report.Marked(c.scoreText("%.1f"), report.MarkBold)))
	}
	ts := &report.Table{Columns: []report.Column{{Header: "Part"}}}
	for _, id := range docs {
		ts.Columns = append(ts.Columns, report.Column{Header: ShortDoc(id)})
	}
	for _, s := range v.PerSection {
		cells := []report.Text{report.Plain(fmt.Sprintf("%s (%d)", s.Section, scope(s.Counts)))}
		for _, c := range s.Counts {
			txt := fmt.Sprintf("%s (%d/%d/%d/%d)", c.scoreText("%.0f"), c.Aligned, c.Partial, c.Divergent, c.Silent)
			if c.NotReviewed > 0 {
				txt += fmt.Sprintf(" ?%d", c.NotReviewed)
			}
			cells = append(cells, report.Plain(txt))
		}
		ts.Rows = append(ts.Rows, cells)
	}
	var reach []string
	for _, c := range v.PerDocument {
		reach = append(reach, fmt.Sprintf("%s %d characters, a counterpart for %d%% of the GDC clauses", ShortDoc(c.Document), v.Length[c.Document], pctOf(c.Scope-c.Silent, c.Scope)))
	}
	caveat := report.Para{Text: report.Marked("Scores follow each text's length and breadth as much as its position: "+strings.Join(reach, "; ")+".", report.MarkDim)}
	head := "By part of the GDC: score (aligned/partial/divergent/silent)"
	if notReviewed {
		head += ", ?N not reviewed"
	}
	d.Blocks = []report.Block{t, caveat, report.Heading{Text: head}, ts}
	d.Notes = append(d.Notes, columnsNote(docs))
	d.Notes = withNote(d.Notes, coverageNote(v.Coverage))
	return d
}

func pctOf(n, of int) int {
	if of == 0 {
		return 0
	}
	return int(100*float64(n)/float64(of) + 0.5)
}

func countCell(n, of int) report.Text {
	if of == 0 {
		return report.Plain("0")
	}
	return report.Plain(fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(of)))
}

// Table is one row per part of the GDC (all for the whole) and document.
func (v *Stats) Table(bool) *report.Table {
	t := table("section", "document", "clauses_in_scope", "aligned", "partial", "divergent", "silent", "records", "alignment_score", "not_reviewed").
		Numbers("clauses_in_scope", "aligned", "partial", "divergent", "silent", "records", "alignment_score", "not_reviewed")
	add := func(section string, c StatsCounts) {
		score := ""
		if c.Score != nil {
			score = fmt.Sprintf("%.1f", *c.Score)
		}
		t.Rows = append(t.Rows, row(section, c.Document, itoa(c.Scope), itoa(c.Aligned), itoa(c.Partial), itoa(c.Divergent), itoa(c.Silent),
			itoa(c.Records), score, itoa(c.NotReviewed)))
	}
	for _, c := range v.PerDocument {
		add("all", c)
	}
	for _, s := range v.PerSection {
		for _, c := range s.Counts {
			add(s.Section, c)
		}
	}
	return t
}
