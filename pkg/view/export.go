package view

import "github.com/crosswalk-dev/crosswalk/pkg/report"

// SchemaVersion of the export. Fields may be added; renaming or removing one
// needs a new version.
const SchemaVersion = "1"

// Export is the whole dataset in the documented schema. It is JSON only:
// Doc and Table are nil.
type Export struct {
	SchemaVersion string      `json:"schema_version"`
	Documents     []ExportDoc `json:"documents"`
	Mappings      []Record    `json:"mappings"`
}

// ExportDoc is one document with all its clauses.
type ExportDoc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	TitleEn  string   `json:"title_en"`
	Issuer   string   `json:"issuer"`
	Date     string   `json:"date"`
	Language string   `json:"language"`
	Clauses  []Clause `json:"clauses"`
}

// NewExport is every document, clause and mapping record of the data.
func NewExport(c Context) *Export {
	v := &Export{SchemaVersion: SchemaVersion, Documents: []ExportDoc{}, Mappings: []Record{}}
	for _, d := range c.Data.Corpus.Docs {
		de := ExportDoc{ID: d.ID, Title: d.Title, TitleEn: d.TitleEn, Issuer: d.Issuer, Date: d.Date, Language: d.Language, Clauses: []Clause{}}
		for i := range d.Clauses {
			de.Clauses = append(de.Clauses, NewClause(&d.Clauses[i]))
		}
		v.Documents = append(v.Documents, de)
	}
	for _, r := range c.Data.Mappings.Records() {
		v.Mappings = append(v.Mappings, NewRecord(r))
	}
	return v
}

// Doc is nil: the export is for scripts.
func (v *Export) Doc() *report.Doc { return nil }

// Table is nil: the export has no CSV form.
func (v *Export) Table(bool) *report.Table { return nil }
