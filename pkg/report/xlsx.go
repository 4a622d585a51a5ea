package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
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
	Title() string // for the document properties
}

// Props are the workbook's document properties (File > Properties), so a
// filed copy says what it is and what made it.
type Props struct {
	Title, Author string
}

// Widest column, in characters; longer cells wrap.
const xlsxMaxWidth = 60

// Height of one line of wrapped text, in points (Calibri 11), and Excel's
// tallest row.
const (
	xlsxLine      = 15.0
	xlsxMaxHeight = 409.0
)

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

// XLSX writes the sheets as one Excel workbook: header row and first column
// frozen, the header bold and repeated on every printed page, landscape
// and one page wide in print, autofilter on, column widths from the
// content, long texts wrapped in rows tall enough to show them, and the
// title and author in the document properties. A numeric column's numbers
// are number cells (a spreadsheet sums, sorts and charts them); every other
// cell is an inline string, so nothing is ever evaluated as a formula, and
// its text is the CSV's without its guard quote, which a string cell needs not.
func XLSX(w io.Writer, props Props, sheets []Sheet) error {
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
		// The header row repeats at the top of every printed page.
		fmt.Fprintf(&defined, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s!$1:$1</definedName>`, i, attr(quotedSheet(s.Name)))
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
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		// No creation date: the same data gives the same file.
		{"docProps/core.xml", `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
			`<dc:title>` + text(props.Title) + `</dc:title><dc:creator>` + text(props.Author) + `</dc:creator></cp:coreProperties>`},
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

// sheetXML is one worksheet: frozen header and first column, column
// widths from the content, the cells, the autofilter, the links and the
// print setup.
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
	// fitToPage lets the page setup below fit the sheet to the paper's width.
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	// The header row and the first column (each sheet's ID) stay in view.
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>` +
		`<selection pane="bottomRight" activeCell="B2" sqref="B2"/></sheetView></sheetViews>`)
	b.WriteString(`<cols>`)
	for j, w := range widths {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, j+1, j+1, min(max(w, 6), xlsxMaxWidth)+2)
	}
	b.WriteString(`</cols><sheetData>`)
	for i, row := range cells {
		// Spreadsheets do not grow a row to its wrapped text when they
		// open a file, so the row says its height.
		if h := rowHeight(row, widths); i > 0 && h > xlsxLine {
			fmt.Fprintf(&b, `<row r="%d" ht="%g" customHeight="1">`, i+1, h)
		} else {
			fmt.Fprintf(&b, `<row r="%d">`, i+1)
		}
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
			ref := colName(j) + strconv.Itoa(i+1)
			switch {
			case i > 0 && t.Columns[j].Numeric && c == "":
				fmt.Fprintf(&b, `<c r="%s" s="%d"/>`, ref, style)
			case i > 0 && t.Columns[j].Numeric && isNumber(c):
				fmt.Fprintf(&b, `<c r="%s" s="%d"><v>%s</v></c>`, ref, style, c)
			default:
				fmt.Fprintf(&b, `<c r="%s" s="%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, style, text(c))
			}
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
	// Print: landscape, as wide as one page, as long as it takes.
	b.WriteString(`<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	b.WriteString(`</worksheet>`)
	return b.String()
}

// isNumber is whether a numeric column's cell can be stored as a number
// as written: a plain decimal, as the reports write them (no NaN, Inf,
// hex or exponent, which the XML value must not carry).
func isNumber(s string) bool {
	if s == "" || strings.Trim(s, "-.0123456789") != "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// rowHeight is the height a row needs to show its wrapped cells whole:
// a line per explicit line break, and per column width of text.
func rowHeight(row []string, widths []int) float64 {
	lines := 1
	for j, c := range row {
		if widths[j] <= xlsxMaxWidth {
			continue // not wrapped: one line, as the column is wide enough
		}
		n := 0
		for _, line := range strings.Split(c, "\n") {
			n += max(1, (width(line)+xlsxMaxWidth-1)/xlsxMaxWidth)
		}
		lines = max(lines, n)
	}
	return min(float64(lines)*xlsxLine, xlsxMaxHeight)
}

// filterRange is the autofilter's range as a defined name: 'Sheet'!$A$1:$C$9.
func filterRange(s Sheet) string {
	return fmt.Sprintf("%s!$A$1:$%s$%d", quotedSheet(s.Name), colName(max(len(s.Table.Columns)-1, 0)), len(s.Table.Rows)+1)
}

// quotedSheet is a sheet's name as a formula refers to it: in single
// quotes, its own single quotes doubled.
func quotedSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
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
