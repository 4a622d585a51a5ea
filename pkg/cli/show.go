package cli

import (
	"strings"

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
		Use:   "show <clause-id>|<document>",
		Short: "Show a clause and its counterparts, or read a whole document",
		Long: `Show one clause with its heading path, kind, themes, verbatim text and English
(a translation you supplied with crosswalk new translation, else the official
English where the source has one, else crosswalk's unofficial summary),
followed by its curated counterparts: for a GDC clause,
its counterparts in each Chinese text; for a Chinese clause, the GDC clauses
mapped to it. Quoted evidence is highlighted in both texts.

Clause IDs are <document>:<local id>, where the document may also be given
by the short name report columns use (position:2.4.3). A GDC ID may be
shortened: gdc:29(d), gdc:29d, 29d and 29.d all mean the same clause. A bare
Chinese local ID works when only one text has it.

Given a document (cn-position-2024, or position), show prints the whole
document in order with its headings, each clause with its curated links;
--lang en gives the English instead of the Chinese.`,
		Example: `  crosswalk show 29d
  crosswalk show cn-position-2024:2.4.3 --lang en
  crosswalk show position:2.4.3
  crosswalk show cn-position-2024 --format md -o position.md`,
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
	if !strings.Contains(opts.ID, ":") {
		if d, err := ds.Corpus.ResolveDoc(opts.ID); err == nil {
			return f.emit(&opts.Out, view.NewRead(ds, d, f.Lang))
		}
	}
	cl, err := ds.Corpus.Resolve(opts.ID)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewShow(ds, cl, f.Lang))
}
