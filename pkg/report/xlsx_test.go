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
	err := XLSX(&buf, []Sheet{{Name: "one", Table: tb, Links: map[[2]int]string{{0, 0}: "two!A2"}}, {Name: "two", Table: tb}})
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
