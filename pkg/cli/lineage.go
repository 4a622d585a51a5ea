package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// LineageOptions are the inputs of `crosswalk lineage`.
type LineageOptions struct {
	Docs   []string
	MinRun int
	Out    outputFlags
}

// NewCmdLineage finds formulations reused from one document in another.
func NewCmdLineage(f *Factory, runF func(*LineageOptions) error) *cobra.Command {
	opts := &LineageOptions{}
	cmd := &cobra.Command{
		Use:   "lineage",
		Short: "Reused formulations: clause pairs sharing a long run of text",
		Long: `List pairs of clauses in different documents that share a run of at least
--min-run characters after normalisation (Traditional and Simplified script
match), older document first, with the shared runs and the share of each
clause they make up (the same share 'crosswalk diff --min-run N' prints),
each shared run listed once. Candidates come from an index of every run of
that length, so no pair is compared unless it shares one.

A run of --min-run characters found in more than 8 documents counts as a
formula of the genre (a slogan), not reuse: a shared run is reported only if
some part of it is not formulaic.`,
		Example: `  crosswalk lineage
  crosswalk lineage --doc cn-africa-2021 --doc cn-whitepaper-2022 --min-run 20`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *LineageOptions) error { return lineageRun(f, o) }),
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", analysis.DefaultMinRun, "shortest shared run, in `N` characters")
	listVar(cmd.Flags(), &opts.Docs, "doc", "only these documents (repeatable; default all)")
	_ = cmd.RegisterFlagCompletionFunc("doc", completeDocIDs(f, false))
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	validate(cmd, intRange("min-run", minRunFloor, 1000))
	return cmd
}

// minRunFloor is the shortest --min-run of lineage and audit: below four
// characters nearly every pair of clauses shares a run (two characters
// make the report 35 MB and take seconds), which says nothing about reuse.
const minRunFloor = 4

func lineageRun(f *Factory, opts *LineageOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	docs, err := resolveDocs(ctx.Data.Corpus, "doc", opts.Docs)
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewLineage(ctx, docs, opts.MinRun))
}

// resolveDocs looks up the document IDs given to --flag (all documents if
// none); an unknown ID is a usage error listing the documents.
func resolveDocs(c *corpus.Corpus, flag string, ids []string) ([]*corpus.Document, error) {
	if len(ids) == 0 {
		return c.Docs, nil
	}
	var docs []*corpus.Document
	for _, id := range ids {
		d, err := c.ResolveDoc(id)
		if err != nil {
			return nil, notOneOf(flag, id, c.DocIDs())
		}
		docs = append(docs, d)
	}
	return docs, nil
}
