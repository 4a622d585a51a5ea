package view

import (
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Read is a whole document in reading order, each clause with a compact
// list of its curated links.
type Read struct {
	dataHeader
	Document string       `json:"document"`
	Title    string       `json:"title"`
	TitleEn  string       `json:"title_en"`
	Date     string       `json:"date"`
	Clauses  []ReadClause `json:"clauses"`

	lang string
}

// ReadClause is a clause with the clauses it is linked to.
type ReadClause struct {
	Clause
	Links []ReadLink `json:"links"`
}

// ReadLink is one curated link: the clause at the other end and the stance.
type ReadLink struct {
	Clause string `json:"clause"`
	Stance string `json:"stance"`
}

// NewRead builds the reading view of document d.
func NewRead(ds *dataset.Dataset, d *corpus.Document, lang string) *Read {
	v := &Read{dataHeader: dataHeader{Report: "read", DataVersion: ds.Version}, Document: d.ID, Title: d.Title, TitleEn: d.TitleEn,
		Date: d.Date, Clauses: []ReadClause{}, lang: lang}
	for i := range d.Clauses {
		cl := &d.Clauses[i]
		rc := ReadClause{Clause: NewClause(cl), Links: []ReadLink{}}
		for _, dl := range compare.LinksOf(ds.Corpus, ds.Mappings, cl) {
			for _, l := range dl.Links {
				if l.Other != nil {
					rc.Links = append(rc.Links, ReadLink{Clause: l.Other.QID(), Stance: l.Record.Stance})
				}
			}
		}
		v.Clauses = append(v.Clauses, rc)
	}
	return v
}

// Doc prints the document in order: a heading whenever the heading path
// changes, each clause's ID and text (or English), and its links.
func (v *Read) Doc() *report.Doc {
	d := &report.Doc{Title: v.Document + " — " + pickInline(v.lang, v.Title, v.TitleEn) + " (" + v.Date + ")",
		Notes: []string{"English summaries are crosswalk's own and unofficial."},
		Hints: []string{"`crosswalk show ID` prints a clause with its counterparts in full."}}
	for _, c := range v.Clauses {
		if tr := c.Translation; tr != nil && v.lang != "zh" {
			d.Notes = append(d.Notes, "English text from the translation you supplied: "+tr.Title+dated(tr.Date)+
				" (aligned from "+tr.File+"); clauses it has no text for show our summary.")
			break
		}
	}
	prev := ""
	for _, c := range v.Clauses {
		if c.Heading != prev && c.Heading != "" {
			d.Blocks = append(d.Blocks, report.Heading{Text: c.Heading})
		}
		prev = c.Heading
		t := report.Text{{Text: c.ID, Mark: report.MarkBold}, {Text: "  "}}
		tr := c.Translation
		if tr != nil && tr.Gap {
			tr = nil
		}
		switch {
		case v.lang == "en" && tr != nil:
			t = append(t, report.Seg{Text: tr.Text})
		case v.lang == "en" && c.TextEn != "":
			t = append(t, report.Seg{Text: c.TextEn})
		case v.lang == "en":
			t = append(t, report.Seg{Text: c.SummaryEn})
		default:
			t = append(t, report.Seg{Text: c.Text})
		}
		if v.lang == "both" && tr != nil {
			t = append(t, report.Seg{Text: "\n" + tr.Text, Mark: report.MarkDim})
		} else if v.lang == "both" {
			t = append(t, report.Seg{Text: "\n" + firstNonEmpty(c.TextEn, c.SummaryEn), Mark: report.MarkDim})
		}
		d.Blocks = append(d.Blocks, report.Para{}, report.Para{Text: t})
		if len(c.Links) > 0 {
			links := report.Text{{Text: "→ ", Mark: report.MarkDim}}
			for i, l := range c.Links {
				if i > 0 {
					links = append(links, report.Seg{Text: ", "})
				}
				links = append(links, report.StanceGlyph(l.Stance), report.Seg{Text: " " + l.Clause})
			}
			d.Blocks = append(d.Blocks, report.Para{Text: links})
		}
	}
	return d
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// Table is one row per clause and link (a clause without links: one row).
func (v *Read) Table(bool) *report.Table {
	t := table("clause", "heading", "kind", "text", "summary_en", "linked_clause", "stance")
	for _, c := range v.Clauses {
		if len(c.Links) == 0 {
			t.Rows = append(t.Rows, row(c.ID, c.Heading, c.Kind, c.Text, c.SummaryEn, "", ""))
		}
		for _, l := range c.Links {
			t.Rows = append(t.Rows, row(c.ID, c.Heading, c.Kind, c.Text, c.SummaryEn, l.Clause, l.Stance))
		}
	}
	return t
}

// dated is ", DATE" for a date given, else nothing.
func dated(date string) string {
	if date == "" {
		return ""
	}
	return ", " + date
}
