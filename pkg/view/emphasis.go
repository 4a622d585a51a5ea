package view

import (
	"fmt"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Emphasis is the share of each document given to each theme.
type Emphasis struct {
	Meta
	By        string          `json:"by"`
	Documents []string        `json:"documents"`
	Totals    []compare.Share `json:"totals"`
	Rows      []EmphasisRow   `json:"rows"`
	// Leading are each document's leading themes (the bar charts), one
	// list per document.
	Leading [][]compare.Ranked `json:"leading"`
}

// EmphasisRow is one theme across the documents.
type EmphasisRow struct {
	Theme   string          `json:"theme"`
	ThemeEn string          `json:"theme_en"`
	Shares  []compare.Share `json:"shares"`
}

// NewEmphasis measures the documents by compare.ByChars or
// compare.ByClauses, and ranks each document's top leading themes (none
// for a top below 1).
func NewEmphasis(c Context, by string, top int) *Emphasis {
	e := compare.ComputeEmphasis(c.Data.Corpus, c.Filter)
	v := &Emphasis{Meta: c.meta("emphasis"), By: by, Documents: []string{}, Totals: nonNil(e.Totals), Rows: []EmphasisRow{}, Leading: [][]compare.Ranked{}}
	for j, d := range e.Docs {
		v.Documents = append(v.Documents, d.ID)
		v.Leading = append(v.Leading, nonNil(e.Leading(j, top, by)))
	}
	for _, r := range e.Rows {
		v.Rows = append(v.Rows, EmphasisRow{Theme: r.Theme.Key, ThemeEn: r.Theme.En, Shares: r.Cells})
	}
	return v
}

// Doc is the share table, then a bar chart of each document's leading themes.
func (v *Emphasis) Doc() *report.Doc {
	measure := "Chinese characters"
	if v.By == compare.ByClauses {
		measure = "clauses"
	}
	d := &report.Doc{
		Title: "Emphasis: the share of each document given to each theme",
		Meta:  append(v.fields(), report.Field{Label: "Measure", Value: report.Plain("share of " + measure + ", primary theme of each clause")}),
		Notes: []string{
			"Shares are percentages of each document; each clause counts once, for its primary theme (see mappings/themes.yaml).",
			"Emphasis measures the texts themselves, not the mapping records, so record confidence does not enter it.",
			columnsNote(v.Documents),
		},
	}
	t := &report.Table{Columns: []report.Column{{Header: "Theme"}}}
	for _, id := range v.Documents {
		t.Columns = append(t.Columns, report.Column{Header: ShortDoc(id)})
	}
	for _, r := range v.Rows {
		cells := []report.Text{report.Plain(r.Theme)}
		for _, s := range r.Shares {
			cells = append(cells, percentCell(s.Of(v.By)))
		}
		t.Rows = append(t.Rows, cells)
	}
	d.Blocks = append(d.Blocks, t)
	for j, id := range v.Documents {
		if len(v.Leading[j]) == 0 {
			continue
		}
		bt := &report.Table{Columns: []report.Column{{Header: "Theme"}, {Header: "Share"}, {Header: ""}}}
		for _, it := range v.Leading[j] {
			bt.Rows = append(bt.Rows, []report.Text{report.Plain(it.Theme), percentCell(it.Share), report.Text{report.Bar(it.Share / 50 * barCells)}})
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: id + " — leading themes"}, bt)
	}
	return d
}

func percentCell(v float64) report.Text {
	if v == 0 {
		return report.Marked("-", report.MarkDim)
	}
	return report.Plain(fmt.Sprintf("%.1f%%", v))
}

// barCells is how many cells stand for 50%; a share over 50% draws longer.
const barCells = 20

// Table is one row per theme and document (long), or one row per theme
// with four columns per document (wide). Shares are percentages to one
// decimal place.
func (v *Emphasis) Table(wide bool) *report.Table {
	pct := func(f float64) string { return fmt.Sprintf("%.1f", f) }
	if wide {
		t := table("theme", "theme_en")
		for _, id := range v.Documents {
			t.Columns = append(t.Columns, report.Column{Header: id + "_clauses", Numeric: true}, report.Column{Header: id + "_chars", Numeric: true},
				report.Column{Header: id + "_clause_share", Numeric: true}, report.Column{Header: id + "_char_share", Numeric: true})
		}
		for _, r := range v.Rows {
			cells := []string{r.Theme, r.ThemeEn}
			for _, s := range r.Shares {
				cells = append(cells, itoa(s.Clauses), itoa(s.Chars), pct(s.ClauseShare), pct(s.CharShare))
			}
			t.Rows = append(t.Rows, row(cells...))
		}
		return t
	}
	t := table("theme", "theme_en", "document", "clauses", "chars", "clause_share", "char_share").Numbers("clauses", "chars", "clause_share", "char_share")
	for _, r := range v.Rows {
		for j, s := range r.Shares {
			t.Rows = append(t.Rows, row(r.Theme, r.ThemeEn, v.Documents[j], itoa(s.Clauses), itoa(s.Chars), pct(s.ClauseShare), pct(s.CharShare)))
		}
	}
	return t
}
