package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

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

// The workbook is written here as the few SpreadsheetML parts it needs
// rather than through a spreadsheet library: the one that reads them back
// in the tests (excelize) costs every run of the binary 8 ms and 1.3 MB in
// package initialisation, whether or not a workbook is asked for.

// Cell styles, by index into styles.xml's cellXfs.
const (
	xfBody   = 1 // top-aligned
	xfHeader = 2 // bold on a grey fill
	xfWrap   = 3 // top-aligned, wrapped
	xfLink   = 4 // blue, underlined
)

// XLSX writes the sheets as one Excel workbook: header rows frozen and bold,
// autofilter on, column widths from the content, long texts wrapped. Every
// cell is an inline string, so nothing is ever evaluated as a formula; the
// text is the CSV's without its guard quote, which a string cell needs not.
func XLSX(w io.Writer, sheets []Sheet) error {
	z := zip.NewWriter(w)
	put := func(name, body string) error {
		f, err := z.Create(name)
		if err == nil {
			_, err = io.WriteString(f, xml.Header+body)
		}
		return err
	}
	var names, rels, types, defined strings.Builder
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&names, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, attr(s.Name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&defined, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`, i, attr(filterRange(s)))
		if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", n), sheetXML(s)); err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	n := len(sheets)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets>` + names.String() + `</sheets><definedNames>` + defined.String() + `</definedNames></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1) +
			`</Relationships>`},
		{"xl/styles.xml", stylesXML},
	}
	for _, p := range parts {
		if err := put(p.name, p.body); err != nil {
			return err
		}
	}
	return z.Close()
}

// stylesXML holds the fonts, fills and the cell formats the xf constants name.
const stylesXML = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>` +
	`<font><u/><sz val="11"/><color rgb="FF1F4E9E"/><name val="Calibri"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFE7ECF2"/></patternFill></fill></fills>` +
	`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
	`<cellXfs count="5"><xf/>` +
	`<xf applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf fontId="1" fillId="2" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf fontId="2" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`</cellXfs></styleSheet>`

// sheetXML is one worksheet: frozen header, column widths from the
// content, the cells, the autofilter and the links.
func sheetXML(s Sheet) string {
	t := s.Table
	n := len(t.Columns)
	widths := make([]int, n)
	cells := make([][]string, len(t.Rows)+1)
	cells[0] = make([]string, n)
	for j, c := range t.Columns {
		cells[0][j] = textnorm.Clean(c.Header)
	}
	for i, r := range t.Rows {
		cells[i+1] = make([]string, n)
		for j := 0; j < n && j < len(r); j++ {
			cells[i+1][j] = textnorm.Clean(r[j].String())
		}
	}
	for _, row := range cells {
		for j, c := range row {
			for _, line := range strings.Split(c, "\n") {
				widths[j] = max(widths[j], width(line))
			}
		}
	}
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<cols>`)
	for j, w := range widths {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, j+1, j+1, min(max(w, 6), xlsxMaxWidth)+2)
	}
	b.WriteString(`</cols><sheetData>`)
	for i, row := range cells {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for j, c := range row {
			style := xfBody
			switch _, linked := s.Links[[2]int{i - 1, j}]; {
			case i == 0:
				style = xfHeader
			case linked:
				style = xfLink
			case widths[j] > xlsxMaxWidth:
				style = xfWrap
			}
			fmt.Fprintf(&b, `<c r="%s%d" s="%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, colName(j), i+1, style, text(c))
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	fmt.Fprintf(&b, `<autoFilter ref="A1:%s%d"/>`, colName(max(n-1, 0)), len(cells))
	if len(s.Links) > 0 {
		b.WriteString(`<hyperlinks>`)
		for i := range t.Rows {
			for j := 0; j < n; j++ {
				if loc, ok := s.Links[[2]int{i, j}]; ok {
					fmt.Fprintf(&b, `<hyperlink ref="%s%d" location="%s" display="%s"/>`, colName(j), i+2, attr(loc), attr(cells[i+1][j]))
				}
			}
		}
		b.WriteString(`</hyperlinks>`)
	}
	b.WriteString(`</worksheet>`)
	return b.String()
}

// filterRange is the autofilter's range as a defined name: 'Sheet'!$A$1:$C$9.
func filterRange(s Sheet) string {
	name := "'" + strings.ReplaceAll(s.Name, "'", "''") + "'"
	return fmt.Sprintf("%s!$A$1:$%s$%d", name, colName(max(len(s.Table.Columns)-1, 0)), len(s.Table.Rows)+1)
}

// colName is a column's letters: 0 → A, 25 → Z, 26 → AA.
func colName(j int) string {
	name := ""
	for j++; j > 0; j = (j - 1) / 26 {
		name = string(rune('A'+(j-1)%26)) + name
	}
	return name
}

// text escapes cell text for XML. Characters XML 1.0 cannot carry at all
// are dropped (textnorm.Clean has already removed the other controls).
func text(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)))
	return b.String()
}

// attr escapes an attribute value.
func attr(s string) string { return text(s) }
