package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// Sheet is one worksheet: a table, and optional links from its cells to
// cells of other sheets of the same workbook.
type Sheet struct {
	Name  string
	Table *Table
	// Links maps a body cell (row index into Table.Rows, column index) to
	// a location such as "records!A12".
	Links map[[2]int]string
}

// Workbook is a view that writes several sheets rather than its one table.
type Workbook interface {
	Sheets() []Sheet
}

// Widest column, in characters; longer cells wrap.
const xlsxMaxWidth = 60

// XLSX writes the sheets as one Excel workbook: header rows frozen and bold,
// autofilter on, column widths from the content, long texts wrapped. Every
// cell is written as a string, so nothing is ever evaluated as a formula;
// the text is the CSV's without its guard quote, which a string cell needs
// not.
func XLSX(w io.Writer, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err == nil {
			err = writeSheet(f, s, st)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	return f.Write(w)
}

type xlsxStyles struct{ header, wrap, link int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	top := &excelize.Alignment{Vertical: "top"}
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}}}); err != nil {
		return s, err
	}
	if s.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	s.link, err = f.NewStyle(&excelize.Style{Alignment: top, Font: &excelize.Font{Color: "1F4E9E", Underline: "single"}})
	return s, err
}

// writeSheet fills one sheet and sets its panes, filter and widths.
func writeSheet(f *excelize.File, s Sheet, st xlsxStyles) error {
	t := s.Table
	widths := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		if err := setString(f, s.Name, j, 0, c.Header, widths); err != nil {
			return err
		}
	}
	for i, r := range t.Rows {
		for j := range t.Columns {
			if j >= len(r) {
				continue
			}
			if err := setString(f, s.Name, j, i+1, r[j].String(), widths); err != nil {
				return err
			}
			if loc, ok := s.Links[[2]int{i, j}]; ok {
				if err := setLink(f, s.Name, j, i+1, loc, st.link); err != nil {
					return err
				}
			}
		}
	}
	return finishSheet(f, s.Name, len(t.Rows), widths, st)
}

// setString writes one cell as a string and widens its column to fit.
func setString(f *excelize.File, sheet string, col, row int, s string, widths []int) error {
	s = textnorm.Clean(s)
	cell, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(s, "\n") {
		widths[col] = max(widths[col], width(line))
	}
	return f.SetCellStr(sheet, cell, s)
}

func setLink(f *excelize.File, sheet string, col, row int, loc string, style int) error {
	cell, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return err
	}
	if err := f.SetCellHyperLink(sheet, cell, loc, "Location"); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// finishSheet freezes and styles the header, turns the filter on and sets
// the column widths, wrapping the columns too wide to show whole.
func finishSheet(f *excelize.File, sheet string, rows int, widths []int, st xlsxStyles) error {
	last, err := excelize.CoordinatesToCellName(len(widths), rows+1)
	if err != nil {
		return err
	}
	lastHeader, _ := excelize.CoordinatesToCellName(len(widths), 1)
	if err := f.SetCellStyle(sheet, "A1", lastHeader, st.header); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	for j, w := range widths {
		name, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(sheet, name, name, float64(min(max(w, 6), xlsxMaxWidth)+2)); err != nil {
			return err
		}
		if w > xlsxMaxWidth && rows > 0 {
			from, _ := excelize.CoordinatesToCellName(j+1, 2)
			to, _ := excelize.CoordinatesToCellName(j+1, rows+1)
			if err := f.SetCellStyle(sheet, from, to, st.wrap); err != nil {
				return err
			}
		}
	}
	return nil
}
