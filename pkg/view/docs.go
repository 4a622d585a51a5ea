package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// dataHeader heads the reports that take no filters: which report, from
// which data.
type dataHeader struct {
	Report      string `json:"report"`
	DataVersion string `json:"data_version"`

	origin string
}

func (c Context) dataHeader(name string) dataHeader {
	return dataHeader{Report: name, DataVersion: c.Data.Version, origin: c.Data.Origin}
}

// dataField names the data a report was built from.
func (h dataHeader) dataField() report.Field {
	return report.Field{Label: "Data", Value: report.Plain(h.origin + ", version " + h.DataVersion)}
}

// Docs lists the documents.
type Docs struct {
	dataHeader
	Documents []DocInfo `json:"documents"`

	lang string
}

// DocInfo is one document in the list.
type DocInfo struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	TitleEn  string   `json:"title_en"`
	Issuer   string   `json:"issuer"`
	IssuerEn string   `json:"issuer_en"`
	Date     string   `json:"date"`
	Language string   `json:"language"`
	Clauses  int      `json:"clauses"`
	Flaws    []string `json:"source_flaws"`
}

// NewDocs lists every document of the data.
func NewDocs(c Context) *Docs {
	v := &Docs{dataHeader: c.dataHeader("docs"), Documents: []DocInfo{}, lang: c.Lang}
	for _, d := range c.Data.Corpus.Docs {
		v.Documents = append(v.Documents, DocInfo{ID: d.ID, Title: d.Title, TitleEn: d.TitleEn, Issuer: d.Issuer, IssuerEn: d.IssuerEn,
			Date: d.Date, Language: d.Language, Clauses: d.ClauseCount(), Flaws: nonNil(d.Source.Flaws)})
	}
	return v
}

// Doc is the list for people: title and issuer per --lang.
func (v *Docs) Doc() *report.Doc {
	t := &report.Table{Columns: []report.Column{{Header: "ID"}, {Header: "Document"}, {Header: "Date"}, {Header: "Clauses"}}}
	for _, d := range v.Documents {
		title := report.Plain(pick(v.lang, d.Title, d.TitleEn) + "\n").With(report.Seg{Text: pick(v.lang, d.Issuer, d.IssuerEn), Mark: report.MarkDim})
		t.Rows = append(t.Rows, []report.Text{report.Marked(d.ID, report.MarkBold), title, report.Plain(d.Date + "\n" + d.Language), report.Plain(itoa(d.Clauses))})
	}
	return &report.Doc{
		Title:  "Documents",
		Meta:   []report.Field{v.dataField()},
		Blocks: []report.Block{t},
		Notes:  []string{"Clauses: paragraphs and numbered items, footnotes excluded."},
		Hints:  []string{"`crosswalk show ID:…` prints one clause."},
	}
}

// Table is one row per document. Known source flaws are in the JSON only.
func (v *Docs) Table(bool) *report.Table {
	t := table("id", "title", "title_en", "issuer", "issuer_en", "date", "language", "clauses").Numbers("clauses")
	for _, d := range v.Documents {
		t.Rows = append(t.Rows, row(d.ID, d.Title, d.TitleEn, d.Issuer, d.IssuerEn, d.Date, d.Language, itoa(d.Clauses)))
	}
	return t
}

// pick chooses the Chinese, English or both versions of a label per --lang,
// both on two lines.
func pick(lang, zh, en string) string {
	switch {
	case lang == "zh" || en == "":
		return zh
	case lang == "en":
		return en
	}
	return zh + "\n" + en
}

// pickInline is pick on one line.
func pickInline(lang, zh, en string) string {
	if lang == "both" && en != "" {
		return en + " · " + zh
	}
	return pick(lang, zh, en)
}
