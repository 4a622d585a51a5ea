package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/audit"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
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
		Short: "Consistency checks on the mappings before a release, for curators",
		Long: `Check the mappings for inconsistencies a curator should resolve:

  reuse-propagation        a GDC clause mapped to one side of text reused between
                           two Chinese documents (see lineage), on a quote inside
                           the shared run, but with no record to the other side
  stance-conflict          one GDC clause, the same evidence in two documents,
                           different stances
  note-contradicts-stance  an aligned record whose note says the target lacks,
                           omits or narrows something
  unmapped-clause          a proposal or principle no GDC clause maps to
  stale-exception          an entry of mappings/` + mapping.ExceptionsFile + ` that matches no finding

Findings dismissed in mappings/` + mapping.ExceptionsFile + ` are listed as excused with
their reason. The exit status is 1 while any finding is open, unless --warn.`,
		Example: `  crosswalk audit
  crosswalk audit --warn --format md -o audit.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Out.check(); err != nil {
				return err
			}
			if opts.MinRun < 2 {
				return usageErrorf("--min-run must be at least 2, not %d", opts.MinRun)
			}
			if opts.MinFormula < 1 {
				return usageErrorf("--min-formula must be at least 1, not %d", opts.MinFormula)
			}
			if runF != nil {
				return runF(opts)
			}
			return auditRun(f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.MinRun, "min-run", analysis.DefaultMinRun, "reuse: shortest shared run, in `N` characters")
	cmd.Flags().IntVar(&opts.MinFormula, "min-formula", audit.DefaultMinFormula, "stance conflicts: shortest quote, in `N` characters, that counts when inside another")
	cmd.Flags().BoolVar(&opts.Warn, "warn", false, "exit 0 even with open findings")
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

type auditFindingJSON struct {
	Kind        string            `json:"kind"`
	Key         string            `json:"key"`
	IDs         []string          `json:"ids"`
	Records     []auditRecordJSON `json:"records"`
	Explanation string            `json:"explanation"`
	Action      string            `json:"action"`
	Excused     bool              `json:"excused"`
	Reason      string            `json:"reason,omitempty"`
	Reviewed    string            `json:"reviewed,omitempty"`
}

// auditRecordJSON is a record involved in a finding, and where it is.
type auditRecordJSON struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Stance string `json:"stance"`
	At     string `json:"at"`
}

func auditRun(f *Factory, opts *AuditOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	var fsys fs.FS = mappings.FS
	if f.DataDir != "" {
		fsys = os.DirFS(filepath.Join(f.DataDir, "mappings"))
	}
	exc, probs := audit.LoadExceptions(fsys, "mappings", ds.Corpus)
	if err := probs.Err(); err != nil {
		return err
	}
	res := audit.Run(ds.Corpus, ds.Mappings, exc, audit.Options{MinRun: opts.MinRun, MinFormula: opts.MinFormula})
	open := res.Open()
	doc := &report.Doc{Title: "Audit: consistency checks on the mappings", Meta: []report.Field{
		{Label: "Findings", Value: report.Plain(fmt.Sprintf("%d open, %d excused", open, len(res.Findings)-open))},
		{Label: "Exceptions", Value: report.Plain(fmt.Sprintf("%d in mappings/%s", len(exc), mapping.ExceptionsFile))},
		{Label: "Thresholds", Value: report.Plain(fmt.Sprintf("shared run %d, formula %d characters", opts.MinRun, opts.MinFormula))},
		{Label: "Data", Value: report.Plain(ds.Origin + ", version " + ds.Version)},
	}}
	findings := []auditFindingJSON{}
	for _, k := range audit.Kinds {
		o, e := res.Count(k)
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("%s (%d open, %d excused)", k, o, e)})
		t := &report.Table{Columns: []report.Column{{Header: "Clauses"}, {Header: "Finding and suggested action", Weight: 3}, {Header: "Status", Weight: 1}}}
		for i := range res.Findings {
			if fd := &res.Findings[i]; fd.Kind == k {
				t.Rows = append(t.Rows, auditRow(fd))
				findings = append(findings, toAuditJSON(fd))
			}
		}
		if len(t.Rows) == 0 {
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("None.")})
		} else {
			doc.Blocks = append(doc.Blocks, t)
		}
	}
	doc.Legend = []string{"Dismiss a finding by adding its kind and IDs, with a reason, to mappings/" + mapping.ExceptionsFile + " (see the README's audit section)."}
	out := struct {
		Report      string             `json:"report"`
		DataVersion string             `json:"data_version"`
		MinRun      int                `json:"min_run"`
		MinFormula  int                `json:"min_formula"`
		Open        int                `json:"open"`
		Excused     int                `json:"excused"`
		Findings    []auditFindingJSON `json:"findings"`
	}{"audit", ds.Version, opts.MinRun, opts.MinFormula, open, len(res.Findings) - open, findings}
	if err := f.emit(&opts.Out, doc, out); err != nil {
		return err
	}
	if open > 0 && !opts.Warn {
		f.IO.Errorf("audit: %d open finding(s): resolve or dismiss them in mappings/%s (--warn exits 0)\n", open, mapping.ExceptionsFile)
		return errAuditOpen
	}
	return nil
}

// errAuditOpen exits 1 after the findings were printed.
var errAuditOpen = fmt.Errorf("open audit findings: %w", errReported)

func auditRow(fd *audit.Finding) []report.Text {
	ids := report.Marked(strings.Join(fd.IDs, "\n"), report.MarkBold)
	for _, r := range fd.Records {
		ids = append(ids, report.Seg{Text: fmt.Sprintf("\n%s:%d", r.Path, r.Line), Mark: report.MarkDim})
	}
	if fd.Entry != nil {
		ids = append(ids, report.Seg{Text: fmt.Sprintf("\n%s:%d", fd.Entry.File, fd.Entry.Line), Mark: report.MarkDim})
	}
	status := report.Marked("open", report.MarkBold)
	if e := fd.Excused; e != nil {
		reason := "excused: " + e.Reason
		if e.Reviewed != "" {
			reason += " (reviewed " + e.Reviewed + ")"
		}
		status = report.Marked(reason, report.MarkDim)
	}
	return []report.Text{ids, report.Plain(fd.Explanation + "\n→ " + fd.Action), status}
}

func toAuditJSON(fd *audit.Finding) auditFindingJSON {
	j := auditFindingJSON{Kind: string(fd.Kind), Key: fd.Key(), IDs: fd.IDs, Records: []auditRecordJSON{}, Explanation: fd.Explanation, Action: fd.Action}
	for _, r := range fd.Records {
		j.Records = append(j.Records, auditRecordJSON{r.SourceQID(), r.TargetQID(), r.Stance, fmt.Sprintf("%s:%d", r.Path, r.Line)})
	}
	if e := fd.Excused; e != nil {
		j.Excused, j.Reason, j.Reviewed = true, e.Reason, e.Reviewed
	}
	return j
}
