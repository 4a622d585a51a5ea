package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// auditFixture is testdata/audit: five findings, one of them dismissed by
// its exceptions file (see pkg/audit's tests for which and why).
const auditFixture = "../../testdata/audit"

func TestAuditExitStatus(t *testing.T) {
	r := run(t, 200, false, "audit", "--data", auditFixture)
	if !ErrSilent(r.err) {
		t.Fatalf("open findings must exit 1 without a second message, got %v", r.err)
	}
	if !strings.Contains(r.errOut, "4 open finding(s)") || !strings.Contains(r.out, "reuse-propagation (1 open, 0 excused)") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	w := run(t, 200, false, "audit", "--data", auditFixture, "--warn")
	if w.err != nil || w.out != r.out {
		t.Errorf("--warn should exit 0 and print the same findings: %v", w.err)
	}
	if !strings.Contains(w.out, "excused: The fixture's GDC has no clause on") {
		t.Errorf("excused findings are listed with their reason:\n%s", w.out)
	}
}

func TestAuditJSON(t *testing.T) {
	r := run(t, 80, false, "audit", "--data", auditFixture, "--format", "json", "--warn")
	var out struct {
		Report   string `json:"report"`
		Open     int    `json:"open"`
		Excused  int    `json:"excused"`
		Findings []struct {
			Kind    string   `json:"kind"`
			IDs     []string `json:"ids"`
			Excused bool     `json:"excused"`
			Reason  string   `json:"reason"`
			Records []struct {
				At string `json:"at"`
			} `json:"records"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.out)
	}
	if out.Report != "audit" || out.Open != 4 || out.Excused != 1 || len(out.Findings) != 5 {
		t.Errorf("report %q, %d open, %d excused, %d findings", out.Report, out.Open, out.Excused, len(out.Findings))
	}
	for _, f := range out.Findings {
		if f.Excused != (f.Kind == "unmapped-clause") || f.Excused != (f.Reason != "") {
			t.Errorf("%s %v: excused %v, reason %q", f.Kind, f.IDs, f.Excused, f.Reason)
		}
		for _, rec := range f.Records {
			if !strings.HasPrefix(rec.At, "mappings/cn-") {
				t.Errorf("record location %q", rec.At)
			}
		}
	}
}

func TestAuditBadExceptionsFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(auditFixture)); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "mappings", "audit-exceptions.yaml"), `"cn-old:2"`, `"cn-old:22"`)
	r := run(t, 80, false, "audit", "--data", dir, "--warn")
	if r.err == nil || !strings.Contains(r.err.Error(), `mappings/audit-exceptions.yaml:4: exceptions[0].ids[0]: unknown clause "cn-old:22"`) {
		t.Errorf("want a file:line:field problem, got %v", r.err)
	}
	if r.out != "" {
		t.Errorf("nothing is printed when the exceptions file is broken: %q", r.out)
	}
}

func TestAuditEmbeddedData(t *testing.T) {
	r := run(t, 80, false, "audit", "--warn", "--format", "json")
	if r.err != nil || !json.Valid([]byte(r.out)) {
		t.Errorf("audit of the shipped data: %v", r.err)
	}
	if u := run(t, 80, false, "audit", "--min-run", "1"); !IsUsage(u.err) {
		t.Errorf("--min-run 1 is a usage error, got %v", u.err)
	}
}
