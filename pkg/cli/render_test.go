package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

// fixture is a small copy of the data whose version never changes with
// curation, so golden files only move when rendering does.
var fixture = filepath.Join("..", "..", "testdata", "fixture")

// reports lists every report command with arguments that give it content.
var reports = [][]string{
	{"compare"}, {"divergences"}, {"pairs"}, {"qualifiers"}, {"evolution", "27"}, {"gaps"}, {"principles"}, {"emphasis"}, {"stats"}, {"docs"},
	{"show", "27"}, {"show", "cn-position-2024:2.4.1"}, {"show", "position"}, {"lineage"}, {"terms", "数字鸿沟", "--kwic"}, {"terms", "--top", "5"},
	{"suggest", "27"}, {"diff", "27", "cn-position-2024:1.4"}, {"themes"},
}

// formatsOf asks the command which formats it offers.
func formatsOf(t *testing.T, args []string) []string {
	t.Helper()
	r := run(t, 80, false, append(args, "--format", "nosuch")...)
	m := regexp.MustCompile(`one of ([a-z, ]+), not`).FindStringSubmatch(r.errString())
	if m == nil {
		t.Fatalf("%v: cannot read the formats from %q", args, r.errString())
	}
	return strings.Split(m[1], ", ")
}

func (r result) errString() string {
	if r.err == nil {
		return ""
	}
	return r.err.Error()
}

func TestGoldenFixture(t *testing.T) {
	for _, args := range reports {
		for _, f := range formatsOf(t, args) {
			if f == "xlsx" {
				continue // binary; xlsx_test.go reads it back against the CSV
			}
			name := strings.NewReplacer(" ", "_", ":", "_", "(", "", ")", "").Replace(strings.Join(args, " ")) + "." + ext[f]
			t.Run(name, func(t *testing.T) {
				r := run(t, 80, false, append(append([]string{"--data", fixture}, args...), "--format", f)...)
				if r.err != nil {
					t.Fatalf("%v\n%s", r.err, r.errOut)
				}
				golden(t, filepath.Join("fixture", name), r.out)
			})
		}
	}
}

// renderGFM renders Markdown as GitHub does (GFM, inline HTML kept).
func renderGFM(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var codeSpan = regexp.MustCompile(`(?s)<code>.*?</code>`)

// checkRendered fails on markup that should have been consumed by the
// renderer but shows on the page, and on tables whose rows lost cells.
func checkRendered(t *testing.T, what, md string) {
	t.Helper()
	page := codeSpan.ReplaceAllString(renderGFM(t, md), "")
	for _, lit := range []string{"**", "~~", "&lt;strong", "&lt;br", "&lt;ins", "&lt;del", "\\*", "\\|"} {
		if strings.Contains(page, lit) {
			i := strings.Index(page, lit)
			t.Errorf("%s: rendered page shows %q: …%s…", what, lit, page[max(0, i-80):min(len(page), i+80)])
		}
	}
	tables := strings.Count(md, "\n| --- |")
	if got := strings.Count(page, "<table>"); got < tables {
		t.Errorf("%s: %d Markdown tables, %d rendered", what, tables, got)
	}
}

func TestMarkdownRendersForEveryReport(t *testing.T) {
	for _, args := range reports {
		if !contains(formatsOf(t, args), "md") {
			continue
		}
		for _, data := range [][]string{nil, {"--data", fixture}} {
			r := run(t, 80, false, append(append(data, args...), "--format", "md")...)
			if r.err != nil {
				t.Fatalf("%v: %v", args, r.err)
			}
			checkRendered(t, strings.Join(args, " "), r.out)
		}
	}
}

func TestMarkdownRendersShowForEveryClause(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds.Corpus.Docs {
		for _, cl := range d.Clauses {
			for _, lang := range []string{"both", "en"} {
				r := run(t, 80, false, "show", cl.QID(), "--format", "md", "--lang", lang)
				if r.err != nil {
					t.Fatalf("show %s: %v", cl.QID(), r.err)
				}
				checkRendered(t, "show "+cl.QID(), r.out)
			}
		}
	}
}

// Closing punctuation that must never start a line, opening that must
// never end one, and IDs that must never be split.
var (
	lineStartBad = "、。，；：）」》”！？"
	lineEndBad   = "《「“（"
	idPiece      = regexp.MustCompile(`(cn-[a-z]+-?$)|(^[a-z]+-\d{4}:)|(\[-$)|(\{\+$)`)
)

func TestTerminalLayoutAtCommonWidths(t *testing.T) {
	for _, width := range []int{40, 60, 80, 120} {
		for _, args := range [][]string{{"divergences"}, {"show", "29d"}, {"compare"}, {"stats"}, {"suggest", "29d"}, {"diff", "29d", "29c"},
			{"gaps"}, {"principles"}, {"emphasis"}, {"docs"}, {"compare", "--ascii"}, {"divergences", "--ascii"}, {"lineage"}, {"terms", "数字鸿沟", "--kwic"}} {
			r := run(t, width, false, args...)
			if r.err != nil {
				t.Fatalf("%v: %v", args, r.err)
			}
			lines := strings.Split(strings.TrimRight(r.out, "\n"), "\n")
			for i, line := range lines {
				content := strings.Trim(line, "│|┌┐└┘├┤┬┴┼─+- ")
				if w := lipgloss.Width(line); w > width {
					t.Errorf("%v at %d: line %d is %d wide: %q", args, width, i+1, w, line)
				}
				// Lineage runs and KWIC contexts may begin or end anywhere in a
				// sentence: there the punctuation is content, not wrapping.
				quoted := args[0] == "lineage" || args[0] == "terms"
				if !quoted && content != "" && strings.ContainsRune(lineStartBad, []rune(content)[0]) {
					t.Errorf("%v at %d: line %d starts with closing punctuation: %q", args, width, i+1, line)
				}
				if rs := []rune(content); !quoted && len(rs) > 0 && strings.ContainsRune(lineEndBad, rs[len(rs)-1]) {
					t.Errorf("%v at %d: line %d ends with opening punctuation: %q", args, width, i+1, line)
				}
				for _, cell := range strings.FieldsFunc(line, func(r rune) bool { return r == '│' }) {
					if idPiece.MatchString(strings.TrimSpace(cell)) && width >= 40 {
						t.Errorf("%v at %d: line %d splits an ID or marker: %q", args, width, i+1, line)
					}
				}
			}
			if strings.Contains(strings.Join(args, " "), "ascii") && strings.ContainsFunc(r.out, func(r rune) bool { return r >= 0x2500 && r <= 0x25ff }) {
				t.Errorf("%v: --ascii output has box-drawing or Unicode marks", args)
			}
		}
	}
}

func TestEveryCSVIsRectangular(t *testing.T) {
	for _, args := range reports {
		if !contains(formatsOf(t, args), "csv") {
			continue
		}
		for _, wide := range []bool{false, true} {
			a := append(append([]string{}, args...), "--format", "csv")
			if wide {
				if r := run(t, 80, false, append(a, "--wide")...); r.err != nil {
					continue // no matrix layout for this report
				}
				a = append(a, "--wide")
			}
			r := run(t, 80, false, a...)
			if r.err != nil {
				t.Fatalf("%v: %v", a, r.err)
			}
			recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.out, "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatalf("%v: %v", a, err)
			}
			// Columns that hold IDs must hold exactly one, never a list.
			for j, h := range recs[0] {
				if !idColumn.MatchString(h) {
					continue
				}
				for i, rec := range recs[1:] {
					if strings.ContainsAny(rec[j], ";| ,") {
						t.Errorf("%v row %d column %s packs several values into one cell: %q", a, i+2, h, rec[j])
					}
				}
			}
		}
	}
}

var idColumn = regexp.MustCompile(`^(clause|gdc_clause|source|target|counterpart|document|silent_in|a|b)$`)

func TestCompareCSVIsOnePairPerRow(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, 80, false, "compare", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	pairs := 0
	for _, rec := range recs[1:] {
		for _, k := range []string{"gdc_clause", "counterpart"} {
			if id := rec[col[k]]; id != "" {
				if _, err := ds.Corpus.Resolve(id); err != nil || !strings.Contains(id, ":") {
					t.Errorf("%s %q is not a fully qualified ID that resolves: %v", k, id, err)
				}
			}
		}
		if rec[col["counterpart"]] != "" {
			pairs++
		}
	}
	want := 0
	for _, rec := range ds.Mappings.Records() {
		if rec.Target != "" {
			want++
		}
	}
	// Footnotes are not matrix rows; every record with a target is one row.
	if pairs != want {
		t.Errorf("CSV has %d counterpart rows, the data %d records with a target", pairs, want)
	}
}

func TestOutputFormatFollowsTheFile(t *testing.T) {
	dir := t.TempDir()
	for ext, check := range map[string]func([]byte) bool{
		".md":   func(b []byte) bool { return bytes.HasPrefix(b, []byte("# Alignment matrix")) },
		".csv":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("\ufeffgdc_clause,")) },
		".json": func(b []byte) bool { return json.Valid(b) },
		".txt":  func(b []byte) bool { return bytes.Contains(b, []byte("┌")) },
	} {
		path := filepath.Join(dir, "out"+ext)
		if r := run(t, 80, false, "compare", "-o", path); r.err != nil || r.out != "" {
			t.Fatalf("-o %s: %v %q", path, r.err, r.out)
		}
		if b, _ := os.ReadFile(path); !check(b) {
			t.Errorf("-o out%s wrote the wrong format: %.60q", ext, b)
		}
	}
	r := run(t, 80, false, "compare", "--format", "csv", "-o", filepath.Join(dir, "x.md"))
	if !IsUsage(r.err) || !strings.Contains(r.err.Error(), "does not match") {
		t.Errorf("--format csv -o x.md: want a usage error, got %v", r.err)
	}
	r = run(t, 80, false, "compare", "-o", "json")
	if !IsUsage(r.err) || !strings.Contains(r.err.Error(), "--format json") {
		t.Errorf("-o json: want a usage error with a hint, got %v", r.err)
	}
	r = run(t, 80, false, "compare", "--format", "json", "-o", "-")
	if r.err != nil || !json.Valid([]byte(r.out)) {
		t.Errorf("-o - should write to standard output: %v", r.err)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - created a file named -")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("refused runs left files: %v", entries)
	}
	r = run(t, 80, false, "compare", "-o", filepath.Join(dir, "missing", "x.csv"))
	if r.err == nil || strings.Contains(r.err.Error(), ".x.csv.") {
		t.Errorf("an error must name the user's file, not the temporary one: %v", r.err)
	}
}

// qualified matches a fully qualified clause ID as reports print it.
var qualified = regexp.MustCompile(`\b(gdc|cn-[a-z]+-\d{4}):[0-9a-z.()]*[0-9a-z)]`)

// TestPrintedIDsResolve walks every ID that compare, divergences, gaps and
// show print, in every format, and resolves it as `crosswalk show` would:
// qualified IDs as printed, and the terminal matrix's local IDs through
// their column's short name.
func TestPrintedIDsResolve(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(where, id string) {
		if _, err := ds.Corpus.Resolve(id); err != nil {
			t.Errorf("%s prints %q, which does not resolve: %v", where, id, err)
		}
	}
	for _, args := range [][]string{{"compare"}, {"divergences"}, {"gaps"}, {"show", "27"}, {"show", "cn-position-2024:2.4.1"}} {
		for _, f := range formatsOf(t, args) {
			r := run(t, 200, false, append(args, "--format", f)...)
			if r.err != nil {
				t.Fatal(r.err)
			}
			for _, id := range qualified.FindAllString(r.out, -1) {
				resolve(strings.Join(args, " ")+" "+f, id)
			}
			if args[0] == "compare" && f != "table" && regexp.MustCompile(`[◐✓✗]†? \d`).MatchString(r.out) {
				t.Errorf("compare --format %s prints a local ID where a qualified one belongs", f)
			}
		}
	}
	r := run(t, 200, false, "compare")
	var cols []string
	cell := regexp.MustCompile(`[◐✓✗]†? (\S+)`)
	for _, line := range strings.Split(r.out, "\n") {
		cells := strings.Split(line, "│")
		if len(cells) < 3 {
			continue
		}
		cells = cells[1 : len(cells)-1]
		if strings.TrimSpace(cells[0]) == "GDC clause" {
			cols = cells
			continue
		}
		for k := 1; k < len(cells) && k < len(cols); k++ {
			for _, m := range cell.FindAllStringSubmatch(cells[k], -1) {
				resolve("compare (terminal)", strings.TrimSpace(cols[k])+":"+m[1])
			}
		}
	}
	if cols == nil {
		t.Fatal("no matrix header found")
	}
}

// show with a document reads it whole, in order, every clause once.
func TestShowReadsADocumentInOrder(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := ds.Corpus.Doc("cn-position-2024")
	for _, arg := range []string{"cn-position-2024", "position"} {
		r := run(t, 80, false, "show", arg)
		if r.err != nil {
			t.Fatal(r.err)
		}
		at := 0
		for _, cl := range d.Clauses {
			i := strings.Index(r.out[at:], cl.QID()+"  ")
			if i < 0 {
				t.Fatalf("show %s: %s missing or out of order", arg, cl.QID())
			}
			at += i + 1
		}
	}
}

// Themes can be found: `themes` lists the whole vocabulary, and a set such
// as data works as --theme on every report that filters by theme.
func TestThemesAndThemeSets(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, 80, false, "themes", "--format", "json")
	var out struct {
		Themes []struct{ Key string } `json:"themes"`
		Sets   []struct{ Key string } `json:"sets"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Themes) != len(ds.Corpus.Themes.List) || len(out.Sets) == 0 {
		t.Errorf("themes lists %d themes and %d sets; the vocabulary has %d themes", len(out.Themes), len(out.Sets), len(ds.Corpus.Themes.List))
	}
	data, _ := ds.Corpus.Themes.Expand("data")
	for _, cmd := range []string{"compare", "divergences", "gaps", "principles", "emphasis", "stats"} {
		r := run(t, 80, false, cmd, "--theme", "data", "--format", "json")
		if r.err != nil {
			t.Errorf("%s --theme data: %v", cmd, r.err)
			continue
		}
		for _, k := range data {
			if !strings.Contains(r.out, k) {
				t.Errorf("%s --theme data: filters do not name %s", cmd, k)
			}
		}
	}
	r = run(t, 80, false, "compare", "--theme", "dta")
	if !IsUsage(r.err) || !strings.Contains(r.err.Error(), "data") || !strings.Contains(r.err.Error(), "crosswalk themes") {
		t.Errorf("a mistyped --theme should suggest and point at 'crosswalk themes': %v", r.err)
	}
}

// The analyst's search: a term finds its variants in the documents asked
// for, each line saying which variant matched.
func TestTermsSearchesVariantsInChosenDocuments(t *testing.T) {
	r := run(t, 120, false, "terms", "多利益攸关方", "--doc", "cn-speech-2014", "--doc", "whitepaper", "--kwic", "--format", "json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	var out struct {
		Counts []struct{ Document string } `json:"counts"`
		KWIC   []struct{ Clause, Match, How string }
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range out.Counts {
		if c.Document != "cn-speech-2014" && c.Document != "cn-whitepaper-2022" {
			t.Errorf("--doc let %s through", c.Document)
		}
	}
	found := map[string]bool{}
	for _, l := range out.KWIC {
		found[l.Match] = found[l.Match] || l.How == "variant"
	}
	if !found["其他利益攸關方"] || !found["多利益相关方"] {
		t.Errorf("the speech's 其他利益攸關方 and the white paper's 多利益相关方 should be found as variants: %+v", out.KWIC)
	}
	if r := run(t, 80, false, "terms", "多利益攸关方", "--doc", "nosuch"); !IsUsage(r.err) {
		t.Errorf("an unknown --doc is a usage error: %v", r.err)
	}
}

// A saved report says which question it answers: --in-all shows in the
// heading, the Filters line and the JSON filters.
func TestGapsInAllIsStated(t *testing.T) {
	r := run(t, 80, false, "gaps", "--side", "gdc", "--in-all")
	if !strings.Contains(r.out, "silent in every compared document (") || !strings.Contains(firstLines(r.out, 3), "in-all") {
		t.Errorf("gaps --in-all does not say so in its heading and Filters line:\n%s", firstLines(r.out, 8))
	}
	r = run(t, 80, false, "gaps", "--side", "gdc", "--in-all", "--format", "json")
	var out struct {
		Filters struct {
			InAll bool   `json:"in_all"`
			Side  string `json:"side"`
		} `json:"filters"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil || !out.Filters.InAll || out.Filters.Side != "gdc" {
		t.Errorf("JSON filters lack in_all/side: %+v %v", out.Filters, err)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
