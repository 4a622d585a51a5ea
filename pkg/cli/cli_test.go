package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

var update = flag.Bool("update", false, "rewrite golden files")

type result struct {
	out, errOut string
	err         error
}

// run executes the root command with fake streams.
func run(t *testing.T, width int, tty bool, args ...string) result {
	t.Helper()
	io, out, errOut := iostreams.Test()
	io.Width, io.IsTTY = width, tty
	f := &Factory{IO: io, Version: "test"}
	cmd := NewRootCmd(f)
	cmd.SetArgs(args)
	err := cmd.Execute()
	heard(t, args, errOut.String())
	if err != nil {
		heard(t, args, err.Error())
	}
	return result{out.String(), errOut.String(), err}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test ./pkg/cli -update): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file %s (run with -update after checking):\n%s", name, path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	var b []byte
	if i == 0 {
		return "0"
	}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

var ext = map[string]string{"table": "txt", "md": "md", "csv": "csv", "json": "json"}

func TestGoldenFoundationCommands(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		formats []string
	}{
		{"docs", []string{"docs"}, []string{"table", "md", "csv", "json"}},
		{"show-gdc-27", []string{"show", "27"}, []string{"table", "md", "json"}},
		{"show-position-2.4.3", []string{"show", "cn-position-2024:2.4.3", "--lang", "en"}, []string{"table", "md", "json"}},
	}
	// The other reports' golden files run on the fixture data
	// (TestGoldenFixture), so curation does not rewrite them.
	cases = append(cases, struct {
		name    string
		args    []string
		formats []string
	}{"diff-africa-6-whitepaper-4.4.1", []string{"diff", "cn-africa-2021:6", "cn-whitepaper-2022:4.4.1"}, []string{"table", "md", "json"}})
	for _, c := range cases {
		for _, f := range c.formats {
			t.Run(c.name+"."+f, func(t *testing.T) {
				r := run(t, 80, false, append(c.args, "--format", f)...)
				if r.err != nil {
					t.Fatalf("%v\n%s", r.err, r.errOut)
				}
				golden(t, c.name+"."+ext[f], r.out)
			})
		}
	}
}

// TestTableLinesFit renders the terminal views at common widths and checks
// that no line overflows and every bordered line of a table has the same width.
func TestTableLinesFit(t *testing.T) {
	for _, width := range []int{80, 120} {
		for _, args := range [][]string{{"docs"}, {"show", "27"}, {"show", "cn-speech-2014:1.2.2"}, {"docs", "--ascii"},
			{"compare"}, {"compare", "--ascii"}, {"divergences"}, {"gaps"}, {"principles"}, {"emphasis"}, {"stats"}, {"divergences", "--lang", "en"},
			{"lineage"}, {"terms", "数字鸿沟", "--kwic"}, {"terms"}, {"suggest", "27"}, {"suggest", "--evaluate"}, {"diff", "cn-speech-2014:1.4", "gdc:10"}} {
			r := run(t, width, false, args...)
			if r.err != nil {
				t.Fatal(r.err)
			}
			tableWidth := -1
			for i, line := range strings.Split(strings.TrimRight(r.out, "\n"), "\n") {
				w := lipgloss.Width(line)
				if w > width {
					t.Errorf("%v at %d columns: line %d is %d wide: %q", args, width, i+1, w, line)
				}
				if strings.HasPrefix(line, "┌") {
					tableWidth = -1 // a new table
				}
				if strings.HasPrefix(line, "│") || strings.HasPrefix(line, "┌") || strings.HasPrefix(line, "├") || strings.HasPrefix(line, "└") {
					if tableWidth < 0 {
						tableWidth = w
					} else if w != tableWidth {
						t.Errorf("%v at %d columns: table line %d is %d wide, others %d", args, width, i+1, w, tableWidth)
					}
				}
			}
		}
	}
}

func TestNoEscapeCodesWhenPiped(t *testing.T) {
	r := run(t, 80, false, "show", "27")
	if strings.Contains(r.out, "\x1b") {
		t.Error("piped output contains escape codes")
	}
	r = run(t, 80, true, "show", "27")
	if !strings.Contains(r.out, "\x1b[") {
		t.Error("terminal output should be coloured")
	}
	r = run(t, 80, true, "show", "27", "--color", "never")
	if strings.Contains(r.out, "\x1b") {
		t.Error("--color never still printed escape codes")
	}
	r = run(t, 80, false, "show", "27", "--color", "always")
	if !strings.Contains(r.out, "\x1b[") {
		t.Error("--color always printed no colour")
	}
}

func TestShowDirections(t *testing.T) {
	r := run(t, 100, false, "show", "27")
	for _, want := range []string{"Counterparts in cn-speech-2014", "Counterparts in cn-position-2024", "✗ divergent", "⟦互联网治理必须继续具有全球性和多利益攸关方性质⟧"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("show 27 lacks %q", want)
		}
	}
	r = run(t, 100, false, "show", "cn-africa-2021:9")
	if !strings.Contains(r.out, "Mapped from gdc") || !strings.Contains(r.out, "gdc:27") {
		t.Errorf("show cn-africa-2021:9 should list the GDC clauses mapped to it:\n%s", r.out)
	}
	r = run(t, 100, false, "show", "fn.4")
	if !strings.Contains(r.out, "Cited by   gdc:22") || strings.Contains(r.out, "Counterparts in") {
		t.Errorf("a footnote shows the clauses citing it, and no mapping sections:\n%s", r.out)
	}
	// The speech (2014) has nothing on AI: a reviewed silence, with its reason.
	r = run(t, 100, false, "show", "55(a)")
	speech := r.out[strings.Index(r.out, "Counterparts in cn-speech-2014"):]
	speech = speech[:strings.Index(speech, "Counterparts in cn-africa-2021")]
	if !strings.Contains(speech, "No counterpart: the curators read this clause against the whole document.") || !strings.Contains(speech, "Why ") {
		t.Errorf("a reviewed silence should be stated with its reason:\n%s", r.out)
	}
	r = run(t, 100, false, "show", "11")
	if !strings.Contains(r.out, "A lead-in: it is not mapped itself; its sub-items are (11(a), 11(b)") || strings.Contains(r.out, "Counterparts in") {
		t.Errorf("a lead-in names its sub-items and has no mapping sections:\n%s", r.out)
	}
}

func TestShowAcceptsShortIDsAndSuggests(t *testing.T) {
	for _, id := range []string{"gdc:29(d)", "gdc:29d", "29d", "29.d"} {
		r := run(t, 80, false, "show", id)
		if r.err != nil || !strings.HasPrefix(r.out, "gdc:29(d) — ") {
			t.Errorf("show %s: %v %q", id, r.err, firstLine(r.out))
		}
	}
	r := run(t, 80, false, "show", "cn-position-2024:2.4.9")
	if r.err == nil || !strings.Contains(r.err.Error(), `did you mean "cn-position-2024:2.4.1"`) {
		t.Errorf("want a suggestion, got %v", r.err)
	}
	if r.out != "" {
		t.Errorf("an error must not print data: %q", r.out)
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"show"},
		{"show", "1", "2"},
		{"docs", "--format", "xml"},
		{"docs", "--bogus"},
		{"docs", "--lang", "fr"},
		{"docs", "--color", "sometimes"},
		{"show", "27", "--format", "csv"},
	} {
		r := run(t, 80, false, args...)
		if !IsUsage(r.err) {
			t.Errorf("%v: want a usage error (exit 2), got %v", args, r.err)
		}
	}
	if r := run(t, 80, false, "show", "99"); r.err == nil || IsUsage(r.err) {
		t.Errorf("an unknown clause is an error (exit 1), not a usage error: %v", r.err)
	}
}

func TestFlagParsing(t *testing.T) {
	io, _, _ := iostreams.Test()
	f := &Factory{IO: io}
	var got *ShowOptions
	cmd := NewCmdShow(f, func(o *ShowOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"29d", "--format", "md", "-o", "x.md"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.ID != "29d" || got.Out.Format != "md" || got.Out.Output != "x.md" {
		t.Errorf("parsed %+v", got)
	}
	var docs *DocsOptions
	cmd = NewCmdDocs(f, func(o *DocsOptions) error { docs = o; return nil })
	cmd.SetArgs([]string{"--format", "csv", "--bom=false"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if docs.Out.Format != "csv" || docs.Out.BOM {
		t.Errorf("parsed %+v", docs.Out)
	}
}

func TestCSVHasBOMByDefault(t *testing.T) {
	r := run(t, 80, false, "docs", "--format", "csv")
	if !strings.HasPrefix(r.out, "\ufeffid,title,") {
		t.Errorf("CSV should start with a BOM and a header: %q", firstLine(r.out))
	}
	r = run(t, 80, false, "docs", "--format", "csv", "--bom=false")
	if !strings.HasPrefix(r.out, "id,title,") {
		t.Errorf("--bom=false should drop the BOM: %q", firstLine(r.out))
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "docs.md")
	r := run(t, 80, false, "docs", "--format", "md", "-o", path)
	if r.err != nil || r.out != "" {
		t.Fatalf("err %v, stdout %q", r.err, r.out)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("# Documents")) {
		t.Errorf("file not written: %v %q", err, b)
	}
	// A failing command leaves nothing behind.
	bad := filepath.Join(dir, "bad.md")
	if r := run(t, 80, false, "show", "99", "--format", "md", "-o", bad); r.err == nil {
		t.Fatal("expected an error")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed run left files: %v", entries)
	}
}

func TestExportSchema(t *testing.T) {
	r := run(t, 80, false, "export", "--format", "json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	var ex struct {
		SchemaVersion string `json:"schema_version"`
		Documents     []struct {
			ID      string            `json:"id"`
			Clauses []json.RawMessage `json:"clauses"`
		} `json:"documents"`
		Mappings []map[string]any `json:"mappings"`
	}
	if err := json.Unmarshal([]byte(r.out), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.SchemaVersion != "1" || len(ex.Documents) != 5 || ex.Documents[0].ID != "gdc" || len(ex.Documents[0].Clauses) != 174 {
		t.Errorf("unexpected export shape: version %q, %d documents", ex.SchemaVersion, len(ex.Documents))
	}
	if len(ex.Mappings) == 0 {
		t.Fatal("export has no mappings")
	}
	keys := "confidence note qualifiers quote_source quote_target rationale relationship source stance target theme"
	for _, m := range ex.Mappings {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		if got := strings.Join(sortStrings(ks), " "); got != keys {
			t.Fatalf("mapping keys %q, want %q", got, keys)
		}
		source, target, stance := m["source"].(string), m["target"].(string), m["stance"].(string)
		if !strings.HasPrefix(source, "gdc:") {
			t.Errorf("source not qualified: %q", source)
		}
		if stance == "none" && strings.Contains(target, ":") {
			t.Errorf("a none record's target is the document ID, got %q", target)
		}
		if stance != "none" && !strings.Contains(target, ":") {
			t.Errorf("target not qualified: %q", target)
		}
		if qs, _ := m["qualifiers"].([]any); stance == "partial" && len(qs) == 0 {
			t.Errorf("%s → %s: a partial record without qualifiers", source, target)
		}
	}
}

func sortStrings(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// copyData writes the embedded data to a directory laid out for --data.
func copyData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for sub, fsys := range map[string]fs.FS{"documents": documents.FS, "mappings": mappings.FS} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, sub, p)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestValidateBrokenDataDirectory(t *testing.T) {
	cases := []struct {
		name      string
		file      string
		old, new  string
		wantLines []string
	}{
		{"yaml syntax error", "documents/cn-speech-2014.yaml", `title: "`, `title: [`, []string{"documents/cn-speech-2014.yaml:4:"}},
		{"duplicate clause id", "documents/cn-africa-2021.yaml", `- id: "2"`, `- id: "1"`, []string{`documents/cn-africa-2021.yaml:`, `duplicate clause id "1"`}},
		{"unknown theme", "documents/gdc.yaml", "themes: [digital-divides", "themes: [digital-divide", []string{"documents/gdc.yaml:", `unknown theme "digital-divide" (did you mean "digital-divides"?)`}},
		{"mistyped mapping id", "mappings/cn-speech-2014.yaml", `- source: "27"`, `- source: "27x"`, []string{"mappings/cn-speech-2014.yaml:", `unknown gdc clause "27x"`}},
		{"list for text", "documents/cn-africa-2021.yaml", "issuer: ", "issuer: [a, b]\nx: ", []string{"documents/cn-africa-2021.yaml:6: issuer: expected text, found a list"}},
		{"unknown field", "documents/cn-speech-2014.yaml", "title_en:", "title_english:", []string{"documents/cn-speech-2014.yaml:5: title_english: unknown field; the fields here are clauses, date,"}},
		{"misspelt field", "mappings/cn-speech-2014.yaml", "    confidence:", "    confidance:", []string{`mappings/cn-speech-2014.yaml:`, `confidance: unknown field (did you mean "confidence"?)`}},
		{"text for a mapping", "mappings/cn-speech-2014.yaml", "  - source: \"27\"", "  - oops\n  - source: \"27\"", []string{"mappings/cn-speech-2014.yaml:", `records[`, `expected a mapping (key: value lines), found the text "oops"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyData(t)
			edit(t, filepath.Join(dir, c.file), c.old, c.new)
			r := run(t, 80, false, "validate", "--data", dir)
			if r.err == nil || !ErrSilent(r.err) {
				t.Fatalf("validate accepted broken data (err %v)", r.err)
			}
			for _, w := range c.wantLines {
				if !strings.Contains(r.errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.errOut)
				}
			}
			if r.out != "" {
				t.Errorf("validate printed data on failure: %q", r.out)
			}
		})
	}
	dir := copyData(t)
	if r := run(t, 80, false, "validate", "--data", dir); r.err != nil || !strings.HasPrefix(r.out, "ok: 5 documents") {
		t.Errorf("a clean copy should validate: %v %s", r.err, r.errOut)
	}
	if r := run(t, 80, false, "validate", "--data", t.TempDir()); r.err == nil || !strings.Contains(r.err.Error(), "must contain the folders documents/ and mappings/") {
		t.Errorf("an empty --data dir should be refused clearly: %v", r.err)
	}
}

func TestCompletion(t *testing.T) {
	r := run(t, 80, false, "__complete", "show", "gdc:29")
	if !strings.Contains(r.out, "gdc:29(d)\tPledges not to shut down") {
		t.Errorf("completion lacks gdc:29(d) with its summary:\n%s", r.out)
	}
	r = run(t, 80, false, "__complete", "show", "")
	if !strings.Contains(r.out, "cn-position-2024:\tChina's Positions") {
		t.Errorf("completion should offer document prefixes:\n%s", r.out)
	}
	// A bare ID means the GDC, so it completes to GDC clauses.
	r = run(t, 80, false, "__complete", "show", "29")
	for _, id := range []string{"29", "29(a)", "29(b)", "29(c)", "29(d)"} {
		if !strings.Contains(r.out, "\n"+id+"\t") && !strings.HasPrefix(r.out, id+"\t") {
			t.Errorf("show 29<TAB> should offer %s:\n%s", id, r.out)
		}
	}
	// --against takes counterpart documents only: the GDC is refused there.
	r = run(t, 80, false, "__complete", "compare", "--against", "")
	if strings.Contains(r.out, "gdc\t") || strings.Count(r.out, "cn-") != 4 {
		t.Errorf("--against should offer the four Chinese documents only:\n%s", r.out)
	}
}

func TestTermsMatchAcrossScripts(t *testing.T) {
	r := run(t, 80, false, "terms", "数字鸿沟", "--format", "json")
	var out struct {
		Counts []struct {
			Document string `json:"document"`
			Count    int    `json:"count"`
		} `json:"counts"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err, r.errOut)
	}
	for _, c := range out.Counts {
		if c.Document == "cn-speech-2014" && c.Count != 1 {
			t.Errorf("the speech writes 數字鴻溝 once; got %d", c.Count)
		}
	}
	r = run(t, 120, false, "terms", "数字鸿沟", "--kwic")
	if !strings.Contains(r.out, "⟦數字鴻溝⟧") {
		t.Errorf("KWIC should show the speech's own script:\n%s", r.out)
	}
}

func TestDiffReportsTimeout(t *testing.T) {
	r := run(t, 80, false, "diff", "cn-speech-2014:1.4", "gdc:10", "--timeout", "1ns", "--format", "json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.out, `"timed_out": true`) || !strings.Contains(r.errOut, "time limit") {
		t.Errorf("a diff that runs out of time must say so:\nstdout %.200s\nstderr %s", r.out, r.errOut)
	}
	r = run(t, 80, false, "diff", "cn-speech-2014:1.4", "gdc:10", "--format", "json")
	if strings.Contains(r.out, `"timed_out": true`) || r.errOut != "" {
		t.Errorf("the default time limit is ample for two clauses: %s", r.errOut)
	}
}

func TestLineageFindsAfricaInWhitePaper(t *testing.T) {
	r := run(t, 80, false, "lineage", "--format", "csv", "--bom=false")
	if !strings.Contains(r.out, "cn-africa-2021:6,cn-whitepaper-2022:4.4.1,") {
		t.Errorf("the 2021 critical-infrastructure item reappears in the white paper:\n%.500s", r.out)
	}
}

func TestAnalysisUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"suggest"}, {"suggest", "27", "--evaluate"}, {"suggest", "27", "--top", "0"},
		{"suggest", "27", "--against", "cn-postion-2024"}, {"terms", "--kwic"},
		{"diff", "27"}, {"diff", "27", "28", "--min-run", "0"}, {"lineage", "--doc", "nope"},
	} {
		if r := run(t, 80, false, args...); !IsUsage(r.err) {
			t.Errorf("%v: want a usage error, got %v", args, r.err)
		}
	}
}

func TestManualWritesPagesForEveryCommand(t *testing.T) {
	for _, format := range []string{"man", "md"} {
		dir := t.TempDir()
		if r := run(t, 80, false, "manual", "--dir", dir, "--format", format); r.err != nil {
			t.Fatal(r.err)
		}
		want := map[string]string{"man": "crosswalk-compare.1", "md": "crosswalk-compare.md"}[format]
		b, err := os.ReadFile(filepath.Join(dir, want))
		if err != nil || !bytes.Contains(b, []byte("Alignment matrix")) {
			t.Errorf("%s: %s missing or empty: %v", format, want, err)
		}
		if bytes.Contains(b, []byte("Auto generated")) {
			t.Errorf("%s: pages must not carry a build date", format)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	if r := run(t, 80, false, "--version"); !strings.Contains(r.out+r.errOut, "crosswalk version test") {
		t.Errorf("--version printed %q", r.out+r.errOut)
	}
}
