package cli

import (
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/audit"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// AuditOptions are the inputs of `crosswalk audit`.
type AuditOptions struct {
	MinRun     int
	MinFormula int
	Warn       bool
	Out        outputFlags
}

// NewCmdAudit runs the curators' consistency checks.
func NewCmdAudit(f *Factory, runF func(*AuditOptions) error) *cobra.Command {
	opts := &AuditOptions{}
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Check the mappings for consistency before a release",
		Long: `Check the mappings for inconsistencies a curator should resolve:

  reuse-propagation        a GDC clause mapped to one side of text reused between
                           two Chinese documents (see lineage), on a quote inside
                           the shared run, but with no record to the other side
  stance-conflict          one GDC clause, the same evidence in two documents,
                           different stances
  qualifier-conflict       one GDC clause, a qualifier's words in one document's
                           record standing uncoded in another's
  note-contradicts-stance  an aligned record whose note says the target lacks,
                           omits or narrows something
  unmapped-clause          a proposal or principle no GDC clause maps to
  stale-exception          an entry of mappings/` + mapping.ExceptionsFile + ` that matches no finding

Findings dismissed in mappings/` + mapping.ExceptionsFile + ` are listed as excused with
their reason. The exit status is 1 while any finding is open, unless --warn.`,
		Example: `  crosswalk audit
  crosswalk audit --warn --format md -o audit.md`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *AuditOptions) error { return auditRun(f, o) }),
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", analysis.DefaultMinRun, "reuse: shortest shared run, in `N` characters")
	cmd.Flags().IntVar(&opts.MinFormula, "min-formula", audit.DefaultMinFormula, "stance conflicts: shortest quote, in `N` characters, that counts when inside another")
	cmd.Flags().BoolVar(&opts.Warn, "warn", false, "exit 0 even with open findings")
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	validate(cmd, intRange("min-run", minRunFloor, 1000), intRange("min-formula", 1, 1000))
	return cmd
}

func auditRun(f *Factory, opts *AuditOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	var fsys fs.FS = mappings.FS
	if f.DataDir != "" {
		fsys = dataset.DirFSWithin(f.DataDir, filepath.Join(f.DataDir, "mappings"))
	}
	exc, probs := audit.LoadExceptions(fsys, "mappings", ds.Corpus)
	if err := probs.Err(); err != nil {
		return err
	}
	o := audit.Options{MinRun: opts.MinRun, MinFormula: opts.MinFormula}
	v := view.NewAudit(ds, audit.Run(ds.Corpus, ds.Mappings, exc, o), len(exc), o)
	if err := f.emit(&opts.Out, v); err != nil {
		return err
	}
	if v.Open > 0 && !opts.Warn {
		f.IO.Errorf("audit: %d open finding(s): resolve or dismiss them in mappings/%s (--warn exits 0)\n", v.Open, mapping.ExceptionsFile)
		return errAuditOpen
	}
	return nil
}

// errAuditOpen exits 1 after the findings were printed.
var errAuditOpen = fmt.Errorf("open audit findings: %w", errReported)
