package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/audit"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Audit is the curators' consistency findings.
type Audit struct {
	Report      string         `json:"report"`
	DataVersion string         `json:"data_version"`
	MinRun      int            `json:"min_run"`
	MinFormula  int            `json:"min_formula"`
	Open        int            `json:"open"`
	Excused     int            `json:"excused"`
	Findings    []AuditFinding `json:"findings"`

	origin     string
	exceptions int
	res        *audit.Result
}

// AuditFinding is one finding with the records involved.
type AuditFinding struct {
	Kind        string        `json:"kind"`
	Key         string        `json:"key"`
	IDs         []string      `json:"ids"`
	Records     []AuditRecord `json:"records"`
	Explanation string        `json:"explanation"`
	Action      string        `json:"action"`
	Excused     bool          `json:"excused"`
	Reason      string        `json:"reason,omitempty"`
	Reviewed    string        `json:"reviewed,omitempty"`
}

// AuditRecord is a record involved in a finding, and where it is.
type AuditRecord struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Stance string `json:"stance"`
	At     string `json:"at"`
}

// NewAudit is the view of an audit result.
func NewAudit(ds *dataset.Dataset, res *audit.Result, exceptions int, o audit.Options) *Audit {
	open := res.Open()
	v := &Audit{Report: "audit", DataVersion: ds.Version, MinRun: o.MinRun, MinFormula: o.MinFormula, Open: open,
		Excused: len(res.Findings) - open, Findings: []AuditFinding{}, origin: ds.Origin, exceptions: exceptions, res: res}
	for i := range res.Findings {
		fd := &res.Findings[i]
		j := AuditFinding{Kind: string(fd.Kind), Key: fd.Key(), IDs: fd.IDs, Records: []AuditRecord{}, Explanation: fd.Explanation, Action: fd.Action}
		for _, r := range fd.Records {
			j.Records = append(j.Records, AuditRecord{r.SourceQID(), r.TargetQID(), r.Stance, fmt.Sprintf("%s:%d", r.Path, r.Line)})
		}
		if e := fd.Excused; e != nil {
			j.Excused, j.Reason, j.Reviewed = true, e.Reason, e.Reviewed
		}
		v.Findings = append(v.Findings, j)
	}
	return v
}

// Doc lists the findings kind by kind.
func (v *Audit) Doc() *report.Doc {
	d := &report.Doc{Title: "Audit: consistency checks on the mappings", Meta: []report.Field{
		{Label: "Findings", Value: report.Plain(fmt.Sprintf("%d open, %d excused", v.Open, v.Excused))},
		{Label: "Exceptions", Value: report.Plain(fmt.Sprintf("%d in mappings/%s", v.exceptions, mapping.ExceptionsFile))},
		{Label: "Thresholds", Value: report.Plain(fmt.Sprintf("shared run %d, formula %d characters", v.MinRun, v.MinFormula))},
		{Label: "Data", Value: report.Plain(v.origin + ", version " + v.DataVersion)},
	}, Notes: []string{"Dismiss a finding by adding its kind and IDs, with a reason, to mappings/" + mapping.ExceptionsFile + " (see the README's audit section)."}}
	for _, k := range audit.Kinds {
		o, e := v.res.Count(k)
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("%s (%d open, %d excused)", k, o, e)})
		t := &report.Table{Columns: []report.Column{{Header: "Clauses"}, {Header: "Finding and suggested action"}, {Header: "Status"}}}
		for i := range v.res.Findings {
			if fd := &v.res.Findings[i]; fd.Kind == k {
				t.Rows = append(t.Rows, auditRow(fd))
			}
		}
		if len(t.Rows) == 0 {
			d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("None.")})
		} else {
			d.Blocks = append(d.Blocks, t)
		}
	}
	return d
}

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

// Table: the audit has no CSV form.
func (v *Audit) Table(bool) *report.Table { return nil }
