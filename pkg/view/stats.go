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
	PerDocument []StatsCounts  `json:"per_document"`
	PerSection  []StatsSection `json:"per_section"`
	// Length is each document's Chinese characters: scores grow with a
	// text's length and breadth, so a reader needs both beside them.
	Length map[string]int `json:"han_chars"`
}

// StatsCounts are one document's counts and score.
type StatsCounts struct {
	Document string `json:"document"`
	compare.Counts
	Score float64 `json:"alignment_score"` // to one decimal place
}

// StatsSection is one part of the GDC across the documents.
type StatsSection struct {
	Section string        `json:"section"`
	Counts  []StatsCounts `json:"per_document"`
}

func statsCounts(doc string, c compare.Counts) StatsCounts {
	return StatsCounts{Document: doc, Counts: c, Score: float64(int(c.Score()*10+0.5)) / 10}
}

// NewStats counts the GDC clauses in scope by stance for each document.
func NewStats(c Context) *Stats {
	st := compare.ComputeStats(c.Data.Corpus, c.Data.Mappings, c.Filter)
	v := &Stats{Meta: c.meta("stats"), PerDocument: []StatsCounts{}, PerSection: []StatsSection{}, Length: map[string]int{}}
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

// scope is the number of GDC clauses in scope (the same for every document).
func scope(cs []StatsCounts) int {
	if len(cs) == 0 {
		return 0
	}
	return cs[0].Scope
}

// Doc is the per-document table, then the per-part table.
func (v *Stats) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Coverage and alignment of the GDC in each Chinese text",
		Meta:  append(v.fields(), report.Field{Label: "GDC clauses in scope", Value: report.Plain(itoa(scope(v.PerDocument)))}),
		Notes: []string{
			"Each GDC clause in scope (chapeaus and footnotes excluded) counts once, by its strongest record: divergent, else partial, else aligned, else silent.",
			"Score = (aligned + ½ × partial) / clauses in scope × 100. Records: curated records, including notable silences.",
		},
	}
	var docs []string
	t := &report.Table{Columns: []report.Column{{Header: "Document"}, {Header: "Aligned"}, {Header: "Partial"}, {Header: "Divergent"}, {Header: "Silent"}, {Header: "Records"}, {Header: "Score"}}}
	for _, c := range v.PerDocument {
		docs = append(docs, c.Document)
		t.Rows = append(t.Rows, []report.Text{report.Marked(ShortDoc(c.Document), report.MarkBold),
			countCell(c.Aligned, c.Scope), countCell(c.Partial, c.Scope), countCell(c.Divergent, c.Scope), countCell(c.Silent, c.Scope),
			report.Plain(itoa(c.Records)), report.Marked(fmt.Sprintf("%.1f", c.Score), report.MarkBold)})
	}
	ts := &report.Table{Columns: []report.Column{{Header: "Part"}}}
	for _, id := range docs {
		ts.Columns = append(ts.Columns, report.Column{Header: ShortDoc(id)})
	}
	for _, s := range v.PerSection {
		cells := []report.Text{report.Plain(fmt.Sprintf("%s (%d)", s.Section, scope(s.Counts)))}
		for _, c := range s.Counts {
			cells = append(cells, report.Plain(fmt.Sprintf("%.0f (%d/%d/%d/%d)", c.Counts.Score(), c.Aligned, c.Partial, c.Divergent, c.Silent)))
		}
		ts.Rows = append(ts.Rows, cells)
	}
	var reach []string
	for _, c := range v.PerDocument {
		reach = append(reach, fmt.Sprintf("%s %d characters, a counterpart for %d%% of the GDC clauses", ShortDoc(c.Document), v.Length[c.Document], pctOf(c.Scope-c.Silent, c.Scope)))
	}
	caveat := report.Para{Text: report.Marked("Scores follow each text's length and breadth as much as its position: "+strings.Join(reach, "; ")+".", report.MarkDim)}
	d.Blocks = []report.Block{t, caveat, report.Heading{Text: "By part of the GDC: score (aligned/partial/divergent/silent)"}, ts}
	d.Notes = append(d.Notes, columnsNote(docs))
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
	t := table("section", "document", "clauses_in_scope", "aligned", "partial", "divergent", "silent", "records", "alignment_score")
	add := func(section string, c StatsCounts) {
		t.Rows = append(t.Rows, row(section, c.Document, itoa(c.Scope), itoa(c.Aligned), itoa(c.Partial), itoa(c.Divergent), itoa(c.Silent),
			itoa(c.Records), fmt.Sprintf("%.1f", c.Score)))
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
