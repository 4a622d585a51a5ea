package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
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

// openpyxlRows reads every sheet with Python's openpyxl, if installed.
func openpyxlRows(t *testing.T, path string) map[string][][]string {
	t.Helper()
	const script = `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)] for ws in wb}))`
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		out, err := exec.Command(py, "-c", script, path).Output()
		if err != nil {
			continue
		}
		var sheets map[string][][]string
		if err := json.Unmarshal(out, &sheets); err != nil {
			t.Fatalf("openpyxl wrote a value that is not a string: %v", err)
		}
		return sheets
	}
	requireOrSkip(t, "python3 with openpyxl (Debian: apt-get install python3-openpyxl)")
	return nil
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
					if py := openpyxlRows(t, path); !reflect.DeepEqual(py[sheet], want) {
						t.Fatalf("openpyxl: sheet %s differs from the CSV (%d rows, got %d)", sheet, len(want), len(py[sheet]))
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
	for _, name := range []string{"compare", "divergences", "gaps", "principles", "emphasis", "stats", "docs", "clauses", "records"} {
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
}

// Binary output on a terminal is refused, with the way to a file.
func TestXLSXNeedsFileOnTerminal(t *testing.T) {
	r := run(t, 80, true, "compare", "--format", "xlsx")
	if r.err == nil || !IsUsage(r.err) || !strings.Contains(r.err.Error(), "-o") {
		t.Fatalf("got %v", r.err)
	}
}
