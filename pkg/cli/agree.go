package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/agree"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// AgreeOptions are the inputs of `crosswalk agree`.
type AgreeOptions struct {
	With string
	Out  outputFlags
}

// NewCmdAgree compares the mappings in use with another mapping set.
func NewCmdAgree(f *Factory, runF func(*AgreeOptions) error) *cobra.Command {
	opts := &AgreeOptions{}
	cmd := &cobra.Command{
		Use:   "agree --with DIR",
		Short: "Agreement with another mapping set: κ, disagreements, changes",
		Long: `Compare the mappings in use (the embedded data, or --data) with another mapping
set in DIR: a second curator's coding, or an older or newer version of the
data. DIR is laid out like --data (documents/ and mappings/), or is a folder of
mapping files alone, read against the documents in use.

Per document, over the (GDC clause, document) pairs both sets reviewed (a
complete file reviews every GDC clause, a draft those it lists): the pairs both
coded, percent agreement and Cohen's κ on pair stance (aligned, partial,
divergent, silent), a weighted κ, and the confusion matrix; then every
disagreement with both sets' records and notes side by side, and the records
present in one set only or coded differently — so the same command is a
changelog between two versions of the data.

Weighted κ ` + view.WeightsText + `.

--format md gives a reconciliation sheet.`,
		Example: `  crosswalk agree --with second-curator/ --format md -o reconcile.md
  crosswalk --data new-version/ agree --with old-version/`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *AgreeOptions) error { return agreeRun(f, o) }),
	}
	cmd.Flags().StringVar(&opts.With, "with", "", "the other mapping set: a --data style `DIR`, or a folder of mapping files")
	_ = cmd.MarkFlagDirname("with")
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

func agreeRun(f *Factory, opts *AgreeOptions) error {
	if opts.With == "" {
		return usageErrorf("agree needs --with DIR, the mapping set to compare with")
	}
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	other, err := ds.MappingsFromDir(opts.With)
	if err != nil {
		return err
	}
	res := agree.Compare(ds.Corpus, ds.Mappings, other.Mappings)
	return f.emit(&opts.Out, view.NewAgree(ds, other, res))
}
