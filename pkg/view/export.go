package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// SchemaVersion of the export. Fields may be added; renaming or removing one
// needs a new version.
const SchemaVersion = "1"

// Export is the whole dataset in the documented schema: every document with
// its clauses and principles, the theme vocabulary, each mapping file's
// header and every record. It is JSON only: Doc and Table are nil.
type Export struct {
	SchemaVersion string        `json:"schema_version"`
	DataVersion   string        `json:"data_version"`
	Documents     []ExportDoc   `json:"documents"`
	Themes        []ExportTheme `json:"themes"`
	// Qualifiers is the vocabulary records' qualifiers come from.
	Qualifiers   []mapping.QualifierType `json:"qualifiers"`
	MappingFiles []ExportMapping         `json:"mapping_files"`
	Mappings     []Record                `json:"mappings"`
	// Silences are the decided cells with no counterpart, one per
	// (GDC clause, document), in mapping-file order.
	Silences []Silence `json:"silences"`
}

// ExportDoc is one document with all its clauses.
type ExportDoc struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Subtitle string `json:"subtitle"`
	TitleEn  string `json:"title_en"`
	Issuer   string `json:"issuer"`
	IssuerEn string `json:"issuer_en"`
	Date     string `json:"date"`
	Language string `json:"language"`
	// Mapping is how far the GDC has been reviewed against the document:
	// complete, draft or none (no mapping file: nothing reviewed); the GDC
	// itself is the reference.
	Mapping     string         `json:"mapping" schema:"enum=reference|complete|draft|none"`
	SourceFlaws []string       `json:"source_flaws"`
	Principles  []Principle    `json:"principles"`
	Clauses     []ExportClause `json:"clauses"`
}

// ExportClause is a clause with the footnotes it cites (IDs of the
// document's footnote clauses, fully qualified) and its English heading
// path where the source has one.
type ExportClause struct {
	Clause
	HeadingEn string   `json:"heading_en"`
	Footnotes []string `json:"footnotes"`
}

// ExportTheme is one entry of the theme vocabulary.
type ExportTheme struct {
	Key        string `json:"key"`
	Group      string `json:"group"`
	En         string `json:"en"`
	Zh         string `json:"zh"`
	Definition string `json:"definition"`
}

// ExportMapping is one mapping file's header.
type ExportMapping struct {
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Status   string   `json:"status" schema:"enum=complete|draft"`
	Method   string   `json:"method" schema:"enum=human|assisted"`
	Version  string   `json:"version"`
	Reviewed string   `json:"reviewed"`
	Curators []string `json:"curators"`
	// ClausesReviewed lists, for a draft, the GDC clauses decided so far
	// (fully qualified); empty for a complete file, which decides them all.
	ClausesReviewed []string `json:"clauses_reviewed"`
	Records         int      `json:"records"`
}

// MappingReference is the Mapping value of the reference document.
const MappingReference = "reference"

// NewExport is every document, clause, theme, mapping file and record of the data.
func NewExport(c Context) *Export {
	v := &Export{SchemaVersion: SchemaVersion, DataVersion: c.Data.Version, Documents: []ExportDoc{}, Themes: []ExportTheme{},
		Qualifiers: nonNil(c.Data.Mappings.Qualifiers), MappingFiles: []ExportMapping{}, Mappings: []Record{}, Silences: []Silence{}}
	for _, d := range c.Data.Corpus.Docs {
		de := ExportDoc{ID: d.ID, Title: d.Title, Subtitle: d.Subtitle, TitleEn: d.TitleEn, Issuer: d.Issuer, IssuerEn: d.IssuerEn,
			Date: d.Date, Language: d.Language, Mapping: compare.MappingNone, SourceFlaws: nonNil(d.Source.Flaws),
			Principles: []Principle{}, Clauses: []ExportClause{}}
		if d.ID == corpus.ReferenceID {
			de.Mapping = MappingReference
		} else if f, ok := c.Data.Mappings.For(d.ID); ok {
			de.Mapping = f.Status
		}
		for _, p := range d.Principles {
			de.Principles = append(de.Principles, newPrinciple(d, p))
		}
		for i := range d.Clauses {
			cl := &d.Clauses[i]
			ec := ExportClause{Clause: NewClause(cl), Footnotes: []string{}}
			for _, h := range cl.HeadingEn {
				if ec.HeadingEn != "" {
					ec.HeadingEn += " › "
				}
				ec.HeadingEn += h
			}
			for _, fn := range cl.Footnotes {
				ec.Footnotes = append(ec.Footnotes, d.ID+":"+fn)
			}
			de.Clauses = append(de.Clauses, ec)
		}
		v.Documents = append(v.Documents, de)
	}
	for _, th := range c.Data.Corpus.Themes.List {
		v.Themes = append(v.Themes, ExportTheme{Key: th.Key, Group: th.Group, En: th.En, Zh: th.Zh, Definition: th.Definition})
	}
	for _, f := range c.Data.Mappings.Files {
		em := ExportMapping{Source: f.Source, Target: f.Target, Status: f.Status, Method: f.Method, Version: f.Version, Reviewed: f.Reviewed,
			Curators: nonNil(f.Curators), ClausesReviewed: []string{}, Records: len(f.Records)}
		if ref, ok := c.Data.Corpus.Doc(f.Source); ok && f.Status == mapping.StatusDraft {
			for _, id := range f.Decided(ref) {
				em.ClausesReviewed = append(em.ClausesReviewed, f.Source+":"+id)
			}
		}
		v.MappingFiles = append(v.MappingFiles, em)
		for i := range f.Silences {
			v.Silences = append(v.Silences, NewSilences(&f.Silences[i])...)
		}
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
