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
	block, bin := readmeWalkthrough(t, "TestReadmeSixthDocumentWalkthrough")
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

// The README's translation walk-through, run as written in an empty
// folder, with the user translations folder out of the way.
func TestReadmeTranslationWalkthrough(t *testing.T) {
	block, bin := readmeWalkthrough(t, "TestReadmeTranslationWalkthrough")
	work := t.TempDir()
	cmd := exec.Command("bash", "-e", "-c", block)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "COLUMNS=100", "NO_COLOR=1",
		"CROSSWALK_TRANSLATIONS="+filepath.Join(work, "user-translations"))
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the walk-through failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	out := strings.Join(strings.Fields(stdout.String()), " ")
	if want := "Text (supplied official translation: Global Digital Compact: my copy of paragraph 29, 2024-09-22) a fourth item, which says"; !strings.Contains(out, want) {
		t.Errorf("show lacks %q:\n%s", want, stdout.String())
	}
	log, err := os.ReadFile(filepath.Join(work, "alignment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"gdc-29.md:3: gdc:1: no piece for 1: expected before 29\n",
		"wrote mydata/translations/gdc.en.yaml: 5 of 174 clauses of gdc aligned, 169 marked as gaps\n",
	} {
		if !strings.Contains(string(log), want) {
			t.Errorf("alignment.txt lacks %q:\n%.2000s", want, log)
		}
	}
	// Without --allow-gaps the same command writes nothing.
	again := exec.Command(filepath.Join(bin, "crosswalk"), "--data", "mydata", "new", "translation", "--doc", "gdc", "--lang", "en", "--replace", "gdc-29.md")
	again.Dir = work
	if out, err := again.CombinedOutput(); err == nil || !strings.Contains(string(out), "169 problems") || !strings.Contains(string(out), "nothing was written") {
		t.Errorf("without --allow-gaps: %v\n%.500s", err, out)
	}
}

// readmeWalkthrough is the README's sh block marked for test, and a folder
// holding a freshly built crosswalk; it skips in -short and without bash.
func readmeWalkthrough(t *testing.T, test string) (block, bin string) {
	t.Helper()
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
	_, rest, ok := strings.Cut(string(readme), "<!-- walk-through: "+test+" runs this block -->\n```sh\n")
	if !ok {
		t.Fatalf("the README has no block for %s", test)
	}
	block, _, _ = strings.Cut(rest, "```")
	bin = t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "crosswalk"), "../../cmd/crosswalk")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return block, bin
}
