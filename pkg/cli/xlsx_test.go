package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// csvRows reads CSV output as rows, without the BOM and with the guard
// quote removed from cells a spreadsheet would run as formulas (an xlsx
// string cell needs no guard).
func csvRows(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for j, c := range r {
			if len(c) > 1 && c[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(c[1])) {
				r[j] = c[1:]
			}
		}
	}
	return rows
}

// xlsxRows reads every sheet with excelize, padding rows to the header.
func xlsxRows(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			for len(rows[i]) < len(rows[0]) {
				rows[i] = append(rows[i], "")
			}
		}
		out[name] = rows
	}
	return out
}

// openpyxlBook is a workbook as Python's openpyxl reads it: each sheet's
// cells as JSON values (a number cell is a JSON number, a string cell a
// string, an empty cell ""), and what the sheet says about itself.
type openpyxlBook struct {
	Title, Creator string
	Sheets         map[string]openpyxlSheet
}

type openpyxlSheet struct {
	Rows [][]any
	// Freeze is the top-left scrolling cell ("B2": header row and first
	// column frozen); PrintTitles the rows repeated on each printed page.
	Freeze, PrintTitles, Orientation string
	FitToPage                        bool
	FitToWidth, FitToHeight          int
	Heights                          map[string]float64 // row number → height, where set
}

// openpyxl reads the workbook at path with Python's openpyxl, if installed.
func openpyxl(t *testing.T, path string) openpyxlBook {
	t.Helper()
	const script = `import json, sys, warnings, openpyxl
warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(sys.argv[1])
out = {"Title": wb.properties.title, "Creator": wb.properties.creator, "Sheets": {}}
for ws in wb:
    ps = ws.page_setup
    out["Sheets"][ws.title] = {
        "Rows": [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)],
        "Freeze": ws.freeze_panes, "PrintTitles": str(ws.print_title_rows), "Orientation": ps.orientation,
        "FitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "FitToWidth": int(ps.fitToWidth or 0), "FitToHeight": int(ps.fitToHeight or 0),
        "Heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height}}
print(json.dumps(out))`
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		out, err := exec.Command(py, "-c", script, path).Output()
		if err != nil {
			continue
		}
		var book openpyxlBook
		if err := json.Unmarshal(out, &book); err != nil {
			t.Fatalf("openpyxl: %v", err)
		}
		return book
	}
	requireOrSkip(t, "python3 with openpyxl (Debian: apt-get install python3-openpyxl)")
	return openpyxlBook{}
}

// sameCells is whether openpyxl's rows hold the CSV's: a string cell the
// same text, a number cell the number the CSV writes ("185.60" reads as
// 185.6).
func sameCells(csvRows [][]string, rows [][]any) bool {
	if len(csvRows) != len(rows) {
		return false
	}
	for i, r := range rows {
		if len(r) != len(csvRows[i]) {
			return false
		}
		for j, v := range r {
			switch v := v.(type) {
			case string:
				if v != csvRows[i][j] {
					return false
				}
			case float64:
				if f, err := strconv.ParseFloat(csvRows[i][j], 64); err != nil || f != v {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// requireOrSkip skips a test whose outside reader is missing, or fails it
// when CI asked for every reader (CROSSWALK_REQUIRE_BROWSER=1).
func requireOrSkip(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CROSSWALK_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s is required (CROSSWALK_REQUIRE_BROWSER=1) but not found", what)
	}
	t.Skipf("%s not found; skipping (bash .ci/run installs it)", what)
}

// TestXLSXMatchesCSV: every report's workbook reads back, in excelize and
// in openpyxl, as exactly the rows of its CSV, Chinese included.
func TestXLSXMatchesCSV(t *testing.T) {
	dir := t.TempDir()
	for _, args := range reports {
		if !slices.Contains(formatsOf(t, args), "xlsx") {
			continue
		}
		for _, wide := range [][]string{nil, {"--wide"}} {
			if wide != nil && run(t, 80, false, append(args, "--wide", "--help")...).err != nil {
				continue
			}
			name := strings.Join(append(slices.Clone(args), wide...), " ")
			t.Run(name, func(t *testing.T) {
				cmd := append(slices.Clone(args), wide...)
				want := csvRows(t, run(t, 80, false, append(cmd, "--format", "csv")...).out)
				path := filepath.Join(dir, strings.NewReplacer(" ", "_", ":", "_").Replace(name)+".xlsx")
				if r := run(t, 80, false, append(cmd, "-o", path)...); r.err != nil {
					t.Fatalf("%v\n%s", r.err, r.errOut)
				}
				got := xlsxRows(t, path)
				if len(got) != 1 {
					t.Fatalf("want one sheet, excelize reads %d", len(got))
				}
				for sheet, rows := range got {
					if !reflect.DeepEqual(rows, want) {
						t.Fatalf("excelize: sheet %s differs from the CSV (%d rows, got %d)", sheet, len(want), len(rows))
					}
					if py := openpyxl(t, path).Sheets[sheet].Rows; !sameCells(want, py) {
						t.Fatalf("openpyxl: sheet %s differs from the CSV (%d rows, got %d)", sheet, len(want), len(py))
					}
				}
			})
		}
	}
}

// TestExportWorkbook: export --format xlsx holds a sheet per report plus
// clauses and records; the matrix sheet is the compare CSV and its
// counterpart cells link to the record of that pair.
func TestExportWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "all.xlsx")
	if r := run(t, 80, false, "export", "-o", path); r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.errOut)
	}
	sheets := xlsxRows(t, path)
	for _, name := range []string{"compare", "divergences", "gaps", "principles", "emphasis", "stats", "docs", "qualifiers", "clauses", "records"} {
		if len(sheets[name]) < 2 {
			t.Errorf("sheet %s missing or empty", name)
		}
	}
	if want := csvRows(t, run(t, 80, false, "compare", "--format", "csv").out); !reflect.DeepEqual(sheets["compare"], want) {
		t.Errorf("compare sheet differs from compare --format csv")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	links := 0
	for i, row := range sheets["compare"][1:] {
		if row[5] == "" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(6, i+2)
		ok, loc, _ := f.GetCellHyperLink("compare", cell)
		rec := sheets["records"]
		n := 0
		if ok {
			_, n, _ = excelize.CellNameToCoordinates(strings.TrimPrefix(loc, "records!"))
		}
		if !ok || n < 2 || n > len(rec) || rec[n-1][0] != row[0] || rec[n-1][1] != row[5] {
			t.Fatalf("compare %s (%s → %s) links to %q", cell, row[0], row[5], loc)
		}
		links++
	}
	if links == 0 {
		t.Error("no counterpart cell in the matrix sheet")
	}
	// Every partial record's row names its qualifiers and their words.
	rec := sheets["records"]
	stance, keys, words := slices.Index(rec[0], "stance"), slices.Index(rec[0], "qualifiers"), slices.Index(rec[0], "qualifier_words")
	if stance < 0 || keys < 0 || words < 0 {
		t.Fatalf("records sheet header %v", rec[0])
	}
	for _, row := range rec[1:] {
		if row[stance] == "partial" && (row[keys] == "" || row[words] == "") {
			t.Fatalf("records: %s → %s is partial with no qualifiers", row[0], row[1])
		}
	}
}

// Binary output on a terminal is refused, with the way to a file.
func TestXLSXNeedsFileOnTerminal(t *testing.T) {
	r := run(t, 80, true, "compare", "--format", "xlsx")
	if r.err == nil || !IsUsage(r.err) || !strings.Contains(r.err.Error(), "-o") {
		t.Fatalf("got %v", r.err)
	}
}

// TestWorkbookForReaders: the workbook as openpyxl reads it stores counts,
// shares and scores as numbers, names itself and its author, freezes the
// header row and the ID column, prints landscape one page wide with the
// header on every page, gives wrapped notes rows tall enough to show
// them, and the wide matrix names the counterpart clauses in its cells.
func TestWorkbookForReaders(t *testing.T) {
	dir := t.TempDir()
	all := filepath.Join(dir, "all.xlsx")
	if r := run(t, 80, false, "export", "-o", all); r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.errOut)
	}
	book := openpyxl(t, all)
	if !strings.Contains(book.Title, "Global Digital Compact") || book.Creator != "crosswalk" {
		t.Errorf("document properties: title %q, author %q", book.Title, book.Creator)
	}
	numeric := map[string][]string{
		"stats":      {"clauses_in_scope", "aligned", "partial", "divergent", "silent", "records", "alignment_score", "not_reviewed"},
		"emphasis":   {"clauses", "chars", "clause_share", "char_share"},
		"docs":       {"clauses"},
		"qualifiers": {"cn-speech-2014_count", "cn-speech-2014_share", "cn-position-2024_count", "cn-position-2024_share"},
	}
	for name, cols := range numeric {
		rows := book.Sheets[name].Rows
		if len(rows) < 2 {
			t.Fatalf("sheet %s empty", name)
		}
		for _, col := range cols {
			j := slices.Index(rows[0], any(col))
			if j < 0 {
				t.Fatalf("sheet %s has no column %s", name, col)
			}
			for i, r := range rows[1:] {
				if _, ok := r[j].(float64); !ok && r[j] != "" {
					t.Errorf("%s!%s row %d: %#v is not a number", name, col, i+2, r[j])
				}
			}
		}
	}
	for name, s := range book.Sheets {
		if s.Freeze != "B2" || s.PrintTitles != "$1:$1" || s.Orientation != "landscape" || !s.FitToPage || s.FitToWidth != 1 || s.FitToHeight != 0 {
			t.Errorf("sheet %s: freeze %q, print titles %q, %s, fit to page %v, %d wide × %d tall",
				name, s.Freeze, s.PrintTitles, s.Orientation, s.FitToPage, s.FitToWidth, s.FitToHeight)
		}
	}
	// A divergence's note wraps: its row is taller than one line.
	div := book.Sheets["divergences"]
	if j := slices.Index(div.Rows[0], any("note")); j < 0 || len(div.Rows) < 2 {
		t.Fatal("divergences sheet has no notes")
	} else if n := len([]rune(div.Rows[1][j].(string))); n > 120 && div.Heights["2"] <= 15 {
		t.Errorf("a %d-character note sits in a row %v pt tall", n, div.Heights["2"])
	}
	// The wide matrix: each document's pair stance, and beside it the
	// counterpart clauses with their stances.
	wide := filepath.Join(dir, "wide.xlsx")
	if r := run(t, 80, false, "compare", "--wide", "-o", wide); r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.errOut)
	}
	rows := openpyxl(t, wide).Sheets["compare"].Rows
	j := slices.Index(rows[0], any("cn-position-2024_clauses"))
	if j < 0 {
		t.Fatalf("wide matrix header %v", rows[0])
	}
	ids := regexp.MustCompile(`^[0-9a-z.]+ \((aligned|partial|divergent)(, low)?\)(; |$)`)
	found := 0
	for _, r := range rows[1:] {
		if s, _ := r[j].(string); s != "" {
			if !ids.MatchString(s) {
				t.Errorf("wide matrix cell %q does not list clause IDs with stances", s)
			}
			found++
		}
	}
	if found == 0 {
		t.Error("no clause IDs in the wide matrix")
	}
}
