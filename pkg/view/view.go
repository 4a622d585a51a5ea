// Package view computes each report once into a typed view. A view is what
// --format json writes; its Doc method lays it out for people (terminal and
// Markdown) and its Table method for spreadsheets (CSV). Commands build a
// view and hand it to one renderer, so the formats cannot drift apart.
package view

import (
	"strconv"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Meta heads every report: which report, from which data, under which filters.
type Meta struct {
	Report      string         `json:"report"`
	DataVersion string         `json:"data_version"`
	Filters     compare.Filter `json:"filters"`

	origin string
	lang   string
}

// Context is what every view is built from: the data, the filters and the
// language of clause text for people (zh, en or both).
type Context struct {
	Data   *dataset.Dataset
	Filter compare.Filter
	Lang   string
}

// Narrowed is ds with its mapping set narrowed by the filter's record
// filters (confidence, qualifiers). Every report reads the records through
// the set, so narrowing it once makes these filters mean the same thing in
// every report and in browse. ds itself is not modified.
func Narrowed(ds *dataset.Dataset, f compare.Filter) *dataset.Dataset {
	set := ds.Mappings
	if f.Confidence != "" {
		set = set.AtLeast(f.Confidence)
	}
	if len(f.Qualifiers) > 0 {
		set = set.WithQualifier(f.Qualifiers...)
	}
	if set == ds.Mappings {
		return ds
	}
	narrowed := *ds
	narrowed.Mappings = set
	return &narrowed
}

func (c Context) meta(name string) Meta {
	return Meta{Report: name, DataVersion: c.Data.Version, Filters: c.Filter, origin: c.Data.Origin, lang: c.Lang}
}

// fields is the report header shown to people.
func (m Meta) fields() []report.Field {
	return []report.Field{
		{Label: "Filters", Value: report.Plain(describe(m.Filters))},
		{Label: "Data", Value: report.Plain(m.origin + ", version " + m.DataVersion)},
	}
}

// describe lists the active filters in words.
func describe(f compare.Filter) string {
	var parts []string
	add := func(name string, vals []string) {
		if len(vals) > 0 {
			parts = append(parts, name+" "+strings.Join(vals, ", "))
		}
	}
	add("against", f.Against)
	add("target", f.Targets)
	if f.Objective != 0 {
		parts = append(parts, "objective "+itoa(f.Objective))
	}
	add("theme", f.Themes)
	add("stance", f.Stances)
	add("kind", f.Kinds)
	if f.Confidence != "" {
		parts = append(parts, "confidence "+f.Confidence+" or higher")
	}
	add("qualifier", f.Qualifiers)
	if f.Side != "" && f.Side != "both" {
		parts = append(parts, "side "+f.Side)
	}
	if f.InAll {
		parts = append(parts, "in-all (silent in every document that reviewed the clause)")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// confidenceNote says which records a count includes.
func confidenceNote(f compare.Filter) string {
	if f.Confidence == "" {
		return "Counts records of every confidence, thin links (low) included; --confidence medium counts only the surer ones."
	}
	return "Counts only records of confidence " + f.Confidence + " or higher; a cell whose counterparts are all below that counts as silent."
}

// Clause is a clause as reports and the export carry it.
type Clause struct {
	ID        string   `json:"id"`
	Heading   string   `json:"heading"`
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	TextEn    string   `json:"text_en"`
	SummaryEn string   `json:"summary_en"`
	Themes    []string `json:"themes"`
	// Translation is the translation the user supplied for the clause
	// (crosswalk new translation); absent when there is none.
	Translation *Translation `json:"translation,omitempty"`
}

// Translation is a user-supplied translation of a clause, with its source:
// crosswalk ships none.
type Translation struct {
	Source string `json:"source" schema:"enum=supplied"`
	Lang   string `json:"lang"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	// Text is the clause's translation; "" for a gap.
	Text string `json:"text"`
	// Gap is true when the translation has no piece for the clause (an
	// overlay written with --allow-gaps).
	Gap  bool   `json:"gap"`
	File string `json:"file"` // the text file it was aligned from
	Line int    `json:"line"` // the piece's line in that file; 0 for a gap
}

// NewClause is the view of a corpus clause.
func NewClause(c *corpus.Clause) Clause {
	out := Clause{ID: c.QID(), Heading: strings.Join(c.Heading, " › "), Kind: c.Kind, Text: c.Text, TextEn: c.TextEn,
		SummaryEn: c.SummaryEn, Themes: nonNil(c.Themes)}
	if tr := c.Translation; tr != nil {
		out.Translation = &Translation{Source: "supplied", Lang: tr.Lang, Title: tr.Title, Date: tr.Date, Text: tr.Text, Gap: tr.Gap,
			File: tr.From, Line: tr.Line}
	}
	return out
}

// Record is a mapping record with fully qualified IDs.
type Record struct {
	Source       string `json:"source"`
	Target       string `json:"target"`
	Stance       string `json:"stance" schema:"enum=aligned|partial|divergent|none"`
	Relationship string `json:"relationship" schema:"enum=equivalent-to|equal-to|subset-of|superset-of|intersects-with|"`
	Rationale    string `json:"rationale" schema:"enum=syntactic|semantic|functional|"`
	Confidence   string `json:"confidence" schema:"enum=high|medium|low"`
	Theme        string `json:"theme"`
	Note         string `json:"note"`
	QuoteSource  string `json:"quote_source"`
	QuoteTarget  string `json:"quote_target"`
	// Qualifiers say why the record is partial (or what carries a
	// divergence), each with the target's words; empty for aligned.
	Qualifiers []Qualifier `json:"qualifiers"`
}

// Qualifier is a qualifier key with the target's words that carry it.
type Qualifier struct {
	Key   string `json:"key"`
	Words string `json:"words"`
}

// NewRecord is the view of a mapping record.
func NewRecord(r *mapping.Record) Record {
	return Record{Source: r.SourceQID(), Target: r.TargetQID(), Stance: r.Stance, Relationship: r.Relationship, Rationale: r.Rationale,
		Confidence: r.Confidence, Theme: r.Theme, Note: r.Note, QuoteSource: r.Quotes.Source, QuoteTarget: r.Quotes.Target, Qualifiers: qualifiersOf(r)}
}

// Silence is one silent cell as exported: a silence entry that covers
// several GDC clauses gives one per clause.
type Silence struct {
	Source   string  `json:"source"`
	Document string  `json:"document"`
	Nearest  *string `json:"nearest"`
	Note     string  `json:"note"`
}

// NewSilences gives one exported silence per GDC clause of the entry.
func NewSilences(s *mapping.Silence) []Silence {
	var nearest *string
	if q := s.NearestQID(); q != "" {
		nearest = &q
	}
	out := make([]Silence, 0, len(s.Sources))
	for _, id := range s.Sources {
		out = append(out, Silence{Source: s.SourceDoc + ":" + id, Document: s.TargetDoc, Nearest: nearest, Note: s.Note})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ShortDoc is a compact column label for a document: cn-speech-2014 →
// speech. `crosswalk show` accepts it in place of the document ID.
func ShortDoc(id string) string { return corpus.ShortName(id) }

// columnsNote says which document each short column label stands for.
func columnsNote(ids []string) string {
	var parts []string
	for _, id := range ids {
		parts = append(parts, ShortDoc(id)+" = "+id)
	}
	return "Columns, oldest first: " + strings.Join(parts, ", ") + "."
}

// table starts a table with the given headers.
func table(headers ...string) *report.Table {
	t := &report.Table{}
	for _, h := range headers {
		t.Columns = append(t.Columns, report.Column{Header: h})
	}
	return t
}

// row is a table row of plain cells.
// The cells share one backing array: long CSVs have thousands of rows.
func row(cells ...string) []report.Text {
	out := make([]report.Text, len(cells))
	segs := make([]report.Seg, len(cells))
	for i, c := range cells {
		segs[i].Text = c
		out[i] = segs[i : i+1 : i+1]
	}
	return out
}

// cellCache builds the rows of a long table of plain cells, sharing one
// Text per distinct value: such tables repeat a few values (documents,
// stances, coverage states) on every row, and a CSV of the whole matrix has
// hundreds of rows at 1× and tens of thousands at 100×.
type cellCache map[string]report.Text

func (cc cellCache) row(cells ...string) []report.Text {
	out := make([]report.Text, len(cells))
	for i, c := range cells {
		t, ok := cc[c]
		if !ok {
			t = report.Plain(c)
			cc[c] = t
		}
		out[i] = t
	}
	return out
}

// tableOf collects rows into a table, for views whose rows are streamed to
// CSV but also make a workbook sheet.
func tableOf(r *report.Rows) *report.Table {
	t := table(r.Columns...)
	cc := cellCache{}
	for cells := range r.All {
		t.Rows = append(t.Rows, cc.row(cells...))
	}
	return t
}

func itoa(n int) string { return strconv.Itoa(n) }
