package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// ValidateOptions are the inputs of `crosswalk validate`.
type ValidateOptions struct{}

// NewCmdValidate checks everything loadable and lists every problem.
func NewCmdValidate(f *Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{}
	return &cobra.Command{
		Use:   "validate",
		Short: "Check the documents and mappings; list problems as file:line",
		Long: `Check every document and mapping file: strict YAML (no unknown fields,
duplicate keys or wrong types), unique and resolvable IDs, known kinds and
themes, verbatim clause texts and quotes, closed vocabularies and required
notes. Every problem is listed with its file, line and field; the exit code is
1 if there is any.

Warnings do not fail: fields still marked TODO (as crosswalk new document
writes them), documents that no mapping file maps (reports show them as not
reviewed), and draft mapping files with how far they go.

With --data DIR it checks DIR/documents and DIR/mappings instead of the
embedded data.`,
		Example: `  crosswalk validate
  crosswalk validate --data ./my-data`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return validateRun(f)
		},
	}
}

// errReported means the problems were already printed.
var errReported = errors.New("validation failed")

// ErrSilent reports whether err was already shown to the user.
func ErrSilent(err error) bool { return errors.Is(err, errReported) }

func validateRun(f *Factory) error {
	// validate checks the YAML itself, never the prepared snapshot or the
	// cache of checked --data folders.
	ds, err := dataset.EmbeddedYAML()
	if f.DataDir != "" {
		ds, err = dataset.FromDir(f.DataDir)
	}
	var probs diag.List
	if errors.As(err, &probs) {
		for _, p := range probs {
			f.IO.Errorf("%s\n", p)
		}
		f.IO.Errorf("%d problem(s) found\n", len(probs))
		return errReported
	}
	if err != nil {
		return err
	}
	clauses := 0
	for _, d := range ds.Corpus.Docs {
		clauses += len(d.Clauses)
	}
	warnings := ds.Warnings()
	for _, w := range warnings {
		f.IO.Errorf("warning: %s\n", w)
	}
	fmt.Fprintf(f.IO.Out, "ok: %d documents, %d clauses, %d themes, %d mapping files, %d records (%s data)",
		len(ds.Corpus.Docs), clauses, len(ds.Corpus.Themes.List), len(ds.Mappings.Files), len(ds.Mappings.Records()), ds.Origin)
	if len(warnings) > 0 {
		fmt.Fprintf(f.IO.Out, "; %d warning(s) on standard error", len(warnings))
	}
	fmt.Fprintln(f.IO.Out)
	return nil
}
