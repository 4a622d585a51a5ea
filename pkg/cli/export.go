package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// SchemaVersion of `export --format json`. Fields may be added; renaming or
// removing one needs a new version.
const SchemaVersion = "1"

// ExportOptions are the inputs of `crosswalk export`.
type ExportOptions struct {
	Out outputFlags
}

// NewCmdExport writes the whole dataset in the documented JSON schema.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole dataset (documents, clauses, mappings) as versioned JSON",
		Long: `Write every document, clause and mapping record as JSON in the schema scripts
rely on (schema_version "1"). IDs are fully qualified (gdc:23(d),
cn-position-2024:2.4.3); for a none record, target is the document ID.`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *ExportOptions) error { return exportRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "json")
	return cmd
}

type exportJSON struct {
	SchemaVersion string        `json:"schema_version"`
	Documents     []docExport   `json:"documents"`
	Mappings      []mappingJSON `json:"mappings"`
}

type docExport struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	TitleEn  string       `json:"title_en"`
	Issuer   string       `json:"issuer"`
	Date     string       `json:"date"`
	Language string       `json:"language"`
	Clauses  []clauseJSON `json:"clauses"`
}

type clauseJSON struct {
	ID        string   `json:"id"`
	Heading   string   `json:"heading"`
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	TextEn    string   `json:"text_en"`
	SummaryEn string   `json:"summary_en"`
	Themes    []string `json:"themes"`
}

type mappingJSON struct {
	Source       string `json:"source"`
	Target       string `json:"target"`
	Stance       string `json:"stance"`
	Relationship string `json:"relationship"`
	Rationale    string `json:"rationale"`
	Confidence   string `json:"confidence"`
	Theme        string `json:"theme"`
	Note         string `json:"note"`
	QuoteSource  string `json:"quote_source"`
	QuoteTarget  string `json:"quote_target"`
}

func toClauseJSON(c *corpus.Clause) clauseJSON {
	return clauseJSON{ID: c.QID(), Heading: strings.Join(c.Heading, " › "), Kind: c.Kind, Text: c.Text, TextEn: c.TextEn, SummaryEn: c.SummaryEn, Themes: nonNil(c.Themes)}
}

func toMappingJSON(r *mapping.Record) mappingJSON {
	return mappingJSON{Source: r.SourceQID(), Target: r.TargetQID(), Stance: r.Stance, Relationship: r.Relationship, Rationale: r.Rationale,
		Confidence: r.Confidence, Theme: r.Theme, Note: r.Note, QuoteSource: r.Quotes.Source, QuoteTarget: r.Quotes.Target}
}

// buildExport is the whole dataset in the export schema.
func buildExport(ds *dataset.Dataset) exportJSON {
	out := exportJSON{SchemaVersion: SchemaVersion, Documents: []docExport{}, Mappings: []mappingJSON{}}
	for _, d := range ds.Corpus.Docs {
		de := docExport{ID: d.ID, Title: d.Title, TitleEn: d.TitleEn, Issuer: d.Issuer, Date: d.Date, Language: d.Language, Clauses: []clauseJSON{}}
		for i := range d.Clauses {
			de.Clauses = append(de.Clauses, toClauseJSON(&d.Clauses[i]))
		}
		out.Documents = append(out.Documents, de)
	}
	for _, r := range ds.Mappings.Records() {
		out.Mappings = append(out.Mappings, toMappingJSON(r))
	}
	return out
}

func exportRun(f *Factory, opts *ExportOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, nil, buildExport(ds))
}
