package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brief writes one HTML file under the filters; on a terminal it wants -o.
func TestBriefCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.html")
	r := run(t, 80, false, "--data", fixture, "brief", "--objective", "3", "-o", path)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.errOut)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "<!DOCTYPE html>") || !strings.Contains(string(out), "objective 3") {
		t.Errorf("brief.html lacks the doctype or the filter line")
	}
	if r := run(t, 80, true, "--data", fixture, "brief"); r.err == nil || !IsUsage(r.err) {
		t.Errorf("brief on a terminal without -o: got %v, want a usage error", r.err)
	}
	if r := run(t, 80, false, "--data", fixture, "brief", "-o", filepath.Join(t.TempDir(), "b.md")); r.err == nil || !IsUsage(r.err) {
		t.Errorf("brief -o b.md: got %v, want a usage error", r.err)
	}
}
