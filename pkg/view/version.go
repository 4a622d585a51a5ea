package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Version names the binary and the data it reads: the data version (a
// fingerprint of every data file) and each mapping file's own version.
type Version struct {
	Report      string           `json:"report"`
	Version     string           `json:"version"`
	DataVersion string           `json:"data_version"`
	Data        string           `json:"data"` // "embedded" or the --data directory
	Mappings    []VersionMapping `json:"mappings"`
}

// VersionMapping is one compared document's mapping: its file's version,
// status and review date, or mapping none when no file maps it.
type VersionMapping struct {
	Document string `json:"document"`
	Mapping  string `json:"mapping" schema:"enum=complete|draft|none"`
	Version  string `json:"version"`
	Reviewed string `json:"reviewed"`
}

// NewVersion describes binary version and the data in c.
func NewVersion(c Context, version string) *Version {
	v := &Version{Report: "version", Version: version, DataVersion: c.Data.Version, Data: c.Data.Origin, Mappings: []VersionMapping{}}
	for _, d := range c.Data.Corpus.Counterparts() {
		m := VersionMapping{Document: d.ID, Mapping: compare.MappingNone}
		if f, ok := c.Data.Mappings.For(d.ID); ok {
			m.Mapping, m.Version, m.Reviewed = f.Status, f.Version, f.Reviewed
		}
		v.Mappings = append(v.Mappings, m)
	}
	return v
}

// Doc lists the versions.
func (v *Version) Doc() *report.Doc {
	t := &report.Table{Columns: []report.Column{{Header: "Mapping onto"}, {Header: "Version"}, {Header: "Status"}, {Header: "Reviewed"}}}
	for _, m := range v.Mappings {
		status := report.Plain(m.Mapping)
		if m.Mapping == compare.MappingNone {
			status = report.Text{report.StanceGlyph(compare.NotReviewed), report.Seg{Text: " no mapping file"}}
		}
		t.Rows = append(t.Rows, []report.Text{report.Marked(m.Document, report.MarkBold), report.Plain(m.Version), status, report.Plain(m.Reviewed)})
	}
	return &report.Doc{
		Title: "crosswalk " + v.Version,
		Meta: []report.Field{
			{Label: "Binary", Value: report.Plain(v.Version)},
			{Label: "Data", Value: report.Plain(v.DataVersion + " (" + v.Data + ")")},
		},
		Blocks: []report.Block{t},
		Notes:  []string{"The data version is a fingerprint of every data file; each mapping file carries its own version."},
	}
}

// Table: version has no CSV form.
func (v *Version) Table(bool) *report.Table { return nil }
