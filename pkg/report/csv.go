package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// bom makes spreadsheet programs read the file as UTF-8, so Chinese survives.
const bom = "\ufeff"

// CSV writes one table: a header row and one record per row. Cells that a
// spreadsheet would run as a formula are neutralised with a leading quote.
func CSV(w io.Writer, t *Table, withBOM bool) error {
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(csvSize(t)) // one allocation instead of doubling through the output
	}
	if withBOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = csvCell(c.Header)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns)) // reused: Write copies it out
	for _, r := range t.Rows {
		for j := range t.Columns {
			rec[j] = ""
			if j < len(r) {
				rec[j] = csvCell(r[j].String())
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell applies the OWASP advice against CSV injection.
func csvCell(s string) string {
	s = textnorm.Clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvSize is about the size of t as CSV: every cell's text and a separator.
func csvSize(t *Table) int {
	n := len(bom)
	for _, r := range t.Rows {
		for _, c := range r {
			for _, s := range c {
				n += len(s.Text)
			}
			n++
		}
	}
	return n + n/16 // quotes and line ends
}
