package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/brief"
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
		Short: "Write the whole dataset as versioned JSON or one workbook",
		Long: `Write every document, clause and mapping record as JSON in the schema scripts
rely on (schema_version "` + view.SchemaVersion + `"). IDs are fully qualified (gdc:23(d),
cn-position-2024:2.4.3); for a none record, target is the document ID.

--format xlsx (or -o FILE.xlsx) writes one workbook instead: a sheet per
report, one of clauses and one of records; matrix cells link to their record.`,
		Example: `  crosswalk export --format json -o crosswalk.json
  crosswalk export -o crosswalk.xlsx
  crosswalk export | jq '.mappings[] | select(.stance == "divergent")'`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *ExportOptions) error { return exportRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "json", "xlsx")
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
	return f.emit(&opts.Out, view.NewExport(ctx))
}
