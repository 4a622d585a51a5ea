package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/brief"
	"github.com/crosswalk-dev/crosswalk/pkg/oscal"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// ExportOptions are the inputs of `crosswalk export`.
type ExportOptions struct {
	Out outputFlags
}

// NewCmdExport writes the whole dataset in the documented JSON schema.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the dataset as JSON or a workbook, or mappings as OSCAL",
		Long: `Write every document, clause and mapping record as JSON in the schema scripts
rely on (schema_version "` + view.SchemaVersion + `", published as pkg/view/schemas/export.schema.json):
the data version, each document with its principles, footnotes and clauses, the
theme vocabulary, each mapping file's header (status, method, version, review
date, and for a draft the GDC clauses reviewed so far) and every record. IDs are
fully qualified (gdc:23(d), cn-position-2024:2.4.3); for a none record, target
is the document ID. A document's mapping field is complete, draft or none (no
mapping file: nothing reviewed).

--format oscal writes the mappings as an OSCAL ` + oscal.Version + ` mapping collection
(JSON): relationships are NIST IR 8477's, a none record is no-relationship, and
stance, theme and quotes travel as props; the README lists the field mapping.

--format xlsx (or -o FILE.xlsx) writes one workbook: a sheet per report, one
of clauses and one of records; matrix cells link to their record.`,
		Example: `  crosswalk export -o crosswalk.json
  crosswalk export --format oscal -o crosswalk-mappings.oscal.json
  crosswalk export -o crosswalk.xlsx`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *ExportOptions) error { return exportRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "json", "oscal", "xlsx")
	return cmd
}

func exportRun(f *Factory, opts *ExportOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	if opts.Out.Format == "xlsx" {
		return f.emit(&opts.Out, brief.NewWorkbook(ctx))
	}
	if opts.Out.Format == "oscal" {
		var buf bytes.Buffer
		if err := report.JSON(&buf, oscal.FromDataset(ctx.Data)); err != nil {
			return err
		}
		return f.write(&opts.Out, buf.Bytes())
	}
	return f.emit(&opts.Out, view.NewExport(ctx))
}
