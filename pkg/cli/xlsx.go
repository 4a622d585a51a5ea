package cli

import (
	"fmt"
	"io"

	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// xlsx writes v as a workbook: a workbook view's own sheets, else the
// report's CSV table as one sheet named after the report.
func (f *Factory) xlsx(w io.Writer, o *outputFlags, v report.View) error {
	if o.Output == "" && f.IO.IsTTY {
		return usageErrorf("--format xlsx writes a binary workbook; give a file name, such as -o report.xlsx")
	}
	// The program is the file's author: the texts' and curators' names are
	// in the data, not in who wrote the file.
	props := report.Props{Author: "crosswalk"}
	if wb, ok := v.(report.Workbook); ok {
		props.Title = wb.Title()
		return report.XLSX(w, props, wb.Sheets())
	}
	t := v.Table(o.Wide)
	if t == nil {
		return fmt.Errorf("this report has no table to write as a workbook")
	}
	name := "report"
	if n, ok := v.(interface{ Name() string }); ok {
		name = n.Name()
	}
	props.Title = "crosswalk " + name
	if d := v.Doc(); d != nil && d.Title != "" {
		props.Title = "crosswalk " + name + ": " + d.Title
	}
	return report.XLSX(w, props, []report.Sheet{{Name: name, Table: t}})
}
