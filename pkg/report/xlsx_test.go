package report

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A cell that looks like a formula is stored as a string and never run;
// the header is frozen and filtered; links point into the workbook.
func TestXLSXCellsAreStrings(t *testing.T) {
	tb := &Table{Columns: []Column{{Header: "id"}, {Header: "note"}}, Rows: [][]Text{
		{Plain("gdc:29(d)"), Plain(`=HYPERLINK("http://x","click")`)},
		{Plain("cn-position-2024:2.4.3"), Plain("数字鸿沟\n第二行")},
	}}
	var buf bytes.Buffer
	err := XLSX(&buf, Props{Title: "t", Author: "a"}, []Sheet{{Name: "one", Table: tb, Links: map[[2]int]string{{0, 0}: "two!A2"}}, {Name: "two", Table: tb}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if formula, _ := f.GetCellFormula("one", "B2"); formula != "" {
		t.Errorf("B2 holds formula %q", formula)
	}
	if typ, _ := f.GetCellType("one", "B2"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("B2 has type %v, want a string", typ)
	}
	if v, _ := f.GetCellValue("one", "B3"); v != "数字鸿沟\n第二行" {
		t.Errorf("B3 = %q", v)
	}
	if ok, loc, _ := f.GetCellHyperLink("one", "A2"); !ok || loc != "two!A2" {
		t.Errorf("A2 links to %q (%v)", loc, ok)
	}
	if p, _ := f.GetPanes("one"); !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v: header not frozen", p)
	}
}

// A numeric column's numbers are number cells (its empty cells empty, and
// text that is no plain number stays text); the workbook carries its
// title and author, freezes the first column too and prints landscape.
func TestXLSXNumbersAndPrint(t *testing.T) {
	tb := &Table{Columns: []Column{{Header: "id"}, {Header: "n"}, {Header: "share"}}, Rows: [][]Text{
		{Plain("a"), Plain("152"), Plain("0.190")},
		{Plain("b"), Plain(""), Plain("NaN")},
	}}
	tb.Numbers("n", "share")
	var buf bytes.Buffer
	if err := XLSX(&buf, Props{Title: "crosswalk stats", Author: "crosswalk"}, []Sheet{{Name: "stats", Table: tb}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]excelize.CellType{"B2": excelize.CellTypeUnset, "C2": excelize.CellTypeUnset, "C3": excelize.CellTypeInlineString, "A2": excelize.CellTypeInlineString} {
		// excelize reports a number cell (no type attribute) as unset.
		if typ, _ := f.GetCellType("stats", cell); typ != want {
			t.Errorf("%s has type %v, want %v", cell, typ, want)
		}
	}
	if v, _ := f.GetCellValue("stats", "B3"); v != "" {
		t.Errorf("empty numeric cell reads %q", v)
	}
	if p, _ := f.GetDocProps(); p.Title != "crosswalk stats" || p.Creator != "crosswalk" {
		t.Errorf("document properties %+v", p)
	}
	if p, _ := f.GetPanes("stats"); !p.Freeze || p.XSplit != 1 || p.YSplit != 1 {
		t.Errorf("panes %+v: header row and first column not frozen", p)
	}
	if l, _ := f.GetPageLayout("stats"); l.Orientation == nil || *l.Orientation != "landscape" || l.FitToWidth == nil || *l.FitToWidth != 1 {
		t.Errorf("page layout %+v", l)
	}
}
