package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The README's sixth-document walk-through, run as written: a fresh
// folder with the repository's source text where the README expects it,
// the crosswalk binary on PATH, and the block run by bash with -e.
func TestReadmeSixthDocumentWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- walk-through: TestReadmeSixthDocumentWalkthrough runs this block -->\n```sh\n")
	if !ok {
		t.Fatal("the README has no walk-through block")
	}
	block, _, _ := strings.Cut(rest, "```")

	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "crosswalk"), "../../cmd/crosswalk")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	work := t.TempDir()
	src := filepath.Join("..", "..", "documents", "source", "cn-position-2024.txt")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(work, "documents", "source"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "documents", "source", "cn-position-2024.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-e", "-c", block)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "COLUMNS=100", "NO_COLOR=1")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the walk-through failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	out, errOut := stdout.String(), stderr.String()
	for _, want := range []string{
		"ok: 6 documents", "5 mapping files", // validate
		"│ trial", "? ", "Not reviewed: trial is a draft (0 of 152 GDC clauses reviewed)", // compare
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{
		"documents/cn-trial-2024.yaml:24: clauses[0].kind: to do: choose a kind",
		"mappings/cn-trial-2024.yaml:1: status: draft: 0 of 152 mapped GDC clauses decided against cn-trial-2024",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%.3000s", want, errOut)
		}
	}
	// What the README says validate prints.
	if !strings.Contains(out, "100 warning(s)") {
		t.Errorf("the README quotes 100 warnings; validate printed:\n%s", firstLine(out))
	}
}
