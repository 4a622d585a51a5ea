package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestManualKeepsPlaceholders renders every generated page the way a reader
// sees it (man for roff, a GFM renderer for Markdown) and checks that the
// synopsis keeps its arguments and every placeholder survives.
func TestManualKeepsPlaceholders(t *testing.T) {
	man, err := exec.LookPath("man")
	if err != nil {
		t.Skip("man is not installed")
	}
	dir := t.TempDir()
	if r := run(t, 80, false, "manual", "--dir", dir); r.err != nil {
		t.Fatal(r.err)
	}
	mdDir := t.TempDir()
	if r := run(t, 80, false, "manual", "--dir", mdDir, "--format", "md"); r.err != nil {
		t.Fatal(r.err)
	}
	for _, want := range []struct{ page, text string }{
		{"crosswalk-show", "crosswalk show <clause-id>|<document> [flags]"},
		{"crosswalk-show", "Clause IDs are <document>:<local id>"},
		{"crosswalk-diff", "crosswalk diff <clause-a> <clause-b> [flags]"},
		{"crosswalk-compare", "crosswalk compare --objective 3"},
	} {
		out, err := exec.Command(man, "-l", filepath.Join(dir, want.page+".1")).Output()
		if err != nil {
			t.Fatalf("man -l %s: %v", want.page, err)
		}
		if text := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(text, want.text) {
			t.Errorf("man page %s lacks %q:\n%s", want.page, want.text, out)
		}
		md, err := os.ReadFile(filepath.Join(mdDir, want.page+".md"))
		if err != nil {
			t.Fatal(err)
		}
		html := renderGFM(t, string(md))
		visible := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(html)
		if !strings.Contains(strings.Join(strings.Fields(visible), " "), want.text) {
			t.Errorf("Markdown page %s lacks %q once rendered:\n%s", want.page, want.text, html)
		}
	}
}
