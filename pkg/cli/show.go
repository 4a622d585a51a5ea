package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// ShowOptions are the inputs of `crosswalk show`.
type ShowOptions struct {
	ID  string
	Out outputFlags
}

// NewCmdShow prints one clause and its curated counterparts.
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{}
	cmd := &cobra.Command{
		Use:   "show <clause-id>",
		Short: "Show a clause, its text and English, and its counterparts",
		Long: `Show one clause with its heading path, kind, themes, verbatim text and English
(the official English where the source has one, otherwise crosswalk's
unofficial summary), followed by its curated counterparts: for a GDC clause,
its counterparts in each Chinese text; for a Chinese clause, the GDC clauses
mapped to it. Quoted evidence is highlighted in both texts.

Clause IDs are <document>:<local id>. A GDC ID may be shortened: gdc:29(d),
gdc:29d, 29d and 29.d all mean the same clause.`,
		Example: `  crosswalk show 29d
  crosswalk show cn-position-2024:2.4.3 --lang en`,
		Args:              exactArgs(1),
		ValidArgsFunction: completeClauseIDs(f, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := opts.Out.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(f, opts)
		},
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

func showRun(f *Factory, opts *ShowOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	cl, err := ds.Corpus.Resolve(opts.ID)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewShow(ds, cl, f.Lang))
}
