package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Lineage lists clause pairs in different documents that share long runs
// of text: formulations carried over from one document into another.
type Lineage struct {
	dataHeader
	MinRun int           `json:"min_run"`
	Pairs  []LineagePair `json:"pairs"`

	docs []string
}

// LineagePair is one pair, A from the older document.
type LineagePair struct {
	A       string      `json:"a"`
	B       string      `json:"b"`
	ADate   string      `json:"a_date"`
	BDate   string      `json:"b_date"`
	Longest int         `json:"longest_run"`
	ShareA  float64     `json:"share_a"`
	ShareB  float64     `json:"share_b"`
	Runs    []SharedRun `json:"runs"`
}

// NewLineage finds the pairs among docs sharing runs of minRun characters.
func NewLineage(c Context, docs []*corpus.Document, minRun int) *Lineage {
	v := &Lineage{dataHeader: c.dataHeader("lineage"), MinRun: minRun, Pairs: []LineagePair{}}
	for _, d := range docs {
		v.docs = append(v.docs, d.ID)
	}
	for _, p := range analysis.Lineage(docs, minRun) {
		lp := LineagePair{A: p.A.QID(), B: p.B.QID(), ADate: p.A.Doc.Date, BDate: p.B.Doc.Date, ShareA: p.ShareA, ShareB: p.ShareB, Runs: sharedRuns(p.Runs)}
		for _, r := range p.Runs {
			lp.Longest = max(lp.Longest, r.Len)
		}
		v.Pairs = append(v.Pairs, lp)
	}
	return v
}

// Doc is one row per pair with its shares and runs.
func (v *Lineage) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Lineage: formulations reused from one document in another",
		Meta: []report.Field{
			{Label: "Documents", Value: report.Plain(strings.Join(v.docs, ", "))},
			{Label: "Shortest run", Value: report.Plain(fmt.Sprintf("%d characters", v.MinRun))},
			{Label: "Pairs", Value: report.Plain(itoa(len(v.Pairs)))},
			v.dataField(),
		},
		Notes: []string{"Share: the part of each clause covered by the shared runs."},
		Hints: []string{"`crosswalk diff A B` shows a pair in full."},
	}
	if len(v.Pairs) == 0 {
		d.Blocks = []report.Block{report.Para{Text: report.Plain("No clauses in different documents share a run this long.")}}
		return d
	}
	t := &report.Table{Columns: []report.Column{{Header: "Older → newer"}, {Header: "Share"}, {Header: "Shared runs (as in the older text)"}}}
	for _, p := range v.Pairs {
		ids := report.Marked(p.A, report.MarkBold).With(report.Seg{Text: "\n→ "}, report.Seg{Text: p.B, Mark: report.MarkBold})
		share := report.Plain(fmt.Sprintf("A %.0f%%\nB %.0f%%", 100*p.ShareA, 100*p.ShareB))
		var runs []string
		for _, r := range p.Runs {
			runs = append(runs, r.A)
		}
		t.Rows = append(t.Rows, []report.Text{ids, share, report.Plain(strings.Join(runs, "\n"))})
	}
	d.Blocks = []report.Block{t}
	return d
}

// Table is long: one row per shared run, with its pair's figures repeated.
func (v *Lineage) Table(bool) *report.Table {
	t := table("a", "b", "a_date", "b_date", "longest_run", "share_a", "share_b", "run", "run_b", "run_length").
		Numbers("longest_run", "share_a", "share_b", "run_length")
	for _, p := range v.Pairs {
		for _, r := range p.Runs {
			t.Rows = append(t.Rows, row(p.A, p.B, p.ADate, p.BDate, itoa(p.Longest), shareCell(p.ShareA), shareCell(p.ShareB), r.A, r.B, itoa(r.Len)))
		}
	}
	return t
}

// shareCell is a share for spreadsheets, to three decimals.
func shareCell(x float64) string { return fmt.Sprintf("%.3f", x) }
