package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// DocsOptions are the inputs of `crosswalk docs`.
type DocsOptions struct {
	Out outputFlags
}

// NewCmdDocs lists the documents. runF replaces the run step in tests.
func NewCmdDocs(f *Factory, runF func(*DocsOptions) error) *cobra.Command {
	opts := &DocsOptions{}
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the documents with issuer, date, language and clause count",
		Example: `  crosswalk docs
  crosswalk docs --format csv -o documents.csv`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *DocsOptions) error { return docsRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func docsRun(f *Factory, opts *DocsOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewDocs(ctx))
}
