package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// bom makes spreadsheet programs read the file as UTF-8, so Chinese survives.
const bom = "\ufeff"

// CSV writes one table: a header row and one record per row. Cells that a
// spreadsheet would run as a formula are neutralised with a leading quote.
// Rows are written as they come, through a small buffer, so the output is
// never held whole in memory.
func CSV(w io.Writer, t *Rows, withBOM bool) error {
	bw := bufio.NewWriter(w) // csv.NewWriter reuses it rather than adding its own
	if withBOM {
		if _, err := bw.WriteString(bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(bw)
	rec := make([]string, len(t.Columns)) // reused: Write copies it out
	for i, c := range t.Columns {
		rec[i] = csvCell(c)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for r := range t.All {
		for j := range rec {
			rec[j] = ""
			if j < len(r) {
				rec[j] = csvCell(r[j])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvCell applies the OWASP advice against CSV injection.
func csvCell(s string) string {
	s = textnorm.Clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
