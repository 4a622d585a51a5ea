package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// outputFlags are shared by every report command.
type outputFlags struct {
	Format  string
	Output  string
	NoBOM   bool
	BOM     bool
	ASCII   bool
	Wide    bool
	formats []string
}

// extFormats maps file extensions to the format -o implies.
var extFormats = map[string]string{".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json", ".txt": "table", ".xlsx": "xlsx", ".html": "html"}

func addOutputFlags(cmd *cobra.Command, o *outputFlags, formats ...string) {
	if contains(formats, "csv") {
		formats = append(formats, "xlsx") // the same table, as a workbook
	}
	o.formats = formats
	cmd.Flags().StringVar(&o.Format, "format", "", "output `FORMAT`: "+strings.Join(formats, ", ")+" (default "+formats[0]+", or from the -o extension)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (.md .csv .json .txt .xlsx set the format; - is standard output)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(formats...))
	if contains(formats, "csv") {
		// --bom=false still works for scripts written before --no-bom.
		cmd.Flags().BoolVar(&o.BOM, "bom", true, "start CSV with a UTF-8 byte-order mark")
		_ = cmd.Flags().MarkHidden("bom")
		cmd.Flags().BoolVar(&o.NoBOM, "no-bom", false, "CSV without the UTF-8 byte-order mark that spreadsheets need for Chinese")
	}
	if contains(formats, "table") {
		cmd.Flags().BoolVar(&o.ASCII, "ascii", false, "plain ASCII borders and marks for limited terminals")
	}
}

// addWideFlag offers the matrix layout for CSV.
func addWideFlag(cmd *cobra.Command, o *outputFlags) {
	cmd.Flags().BoolVar(&o.Wide, "wide", false, "CSV as a matrix (columns per document) instead of one observation per row")
}

// runner is the RunE of a report command without positional arguments:
// check the output flags, then call the test hook if set, else the run.
func runner[O any](opts *O, out *outputFlags, runF, run func(*O) error) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		if err := out.check(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return run(opts)
	}
}

// check settles the format: --format if given, else the -o extension, else
// the command's default; a format name given as -o, or a --format that
// contradicts the extension, is a usage error.
func (o *outputFlags) check() error {
	if o.Output == "-" {
		o.Output = ""
	}
	ext := strings.ToLower(filepath.Ext(o.Output))
	implied, known := extFormats[ext]
	if ext == "" && (contains(o.formats, o.Output) || extFormats["."+o.Output] != "") {
		return usageErrorf("-o %s would write a file named %q; to choose the format use --format %s, or give a file name such as report.%s",
			o.Output, o.Output, o.Output, o.Output)
	}
	switch {
	case o.Format == "" && known:
		o.Format = implied
	case o.Format == "":
		o.Format = o.formats[0]
	case known && implied != o.Format && !(implied == "json" && o.Format == "oscal"): // OSCAL is JSON
		return usageErrorf("--format %s does not match the extension of -o %s (%s); change one of them", o.Format, o.Output, implied)
	}
	if !contains(o.formats, o.Format) {
		return usageErrorf("--format must be one of %s, not %q", strings.Join(o.formats, ", "), o.Format)
	}
	if o.NoBOM {
		o.BOM = false
	}
	return nil
}

// emit renders the view in the chosen format, and only that format. Output
// goes to a buffer first so an error never leaves a partial file behind; -o
// writes to a temporary file in the same folder and renames it into place.
func (f *Factory) emit(o *outputFlags, v report.View) error {
	var buf bytes.Buffer
	var err error
	switch o.Format {
	case "json":
		err = report.JSON(&buf, v)
	case "md":
		err = report.Markdown(&buf, v.Doc())
	case "csv":
		t := v.Table(o.Wide)
		if t == nil {
			return fmt.Errorf("this report has no table to write as CSV")
		}
		err = report.CSV(&buf, t, o.BOM)
	case "xlsx":
		err = f.xlsx(&buf, o, v)
	default:
		color := f.IO.ColorEnabled() && o.Output == ""
		width := f.IO.Width
		if o.Output != "" {
			width = 100
		}
		err = report.Terminal(&buf, v.Doc(), report.TermOptions{Width: width, Color: color, ASCII: o.ASCII})
	}
	if err != nil {
		return err
	}
	return f.write(o, buf.Bytes())
}

// write sends finished output to -o, the pager or standard output.
func (f *Factory) write(o *outputFlags, out []byte) error {
	if o.Output != "" {
		return writeFileAtomic(o.Output, out)
	}
	if o.Format == "table" && f.shouldPage(out) {
		return f.page(out)
	}
	_, err := f.IO.Out.Write(out)
	return err
}

// writeFileAtomic writes name via a temporary file renamed into place. Every
// error names the user's file, never the temporary one.
func writeFileAtomic(name string, data []byte) error {
	fail := func(err error) error {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		} else if le, ok := err.(*os.LinkError); ok {
			err = le.Err
		}
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fail(err)
	}
	return nil
}

// shouldPage is true for terminal output taller than the screen.
func (f *Factory) shouldPage(out []byte) bool {
	return f.IO.IsTTY && !f.NoPager && f.Pager != "" && f.IO.Height > 0 && bytes.Count(out, []byte("\n")) >= f.IO.Height
}

// page shows out through the pager. LESS=FRX makes less quit when the text
// fits, keep colours, and leave the text on screen afterwards.
func (f *Factory) page(out []byte) error {
	args := strings.Fields(f.Pager)
	if len(args) == 0 {
		_, err := f.IO.Out.Write(out)
		return err
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = bytes.NewReader(out)
	cmd.Stdout, cmd.Stderr = f.IO.Out, f.IO.ErrOut
	cmd.Env = os.Environ()
	if f.IO.Getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if err := cmd.Run(); err != nil {
		// A pager that cannot start must not swallow the report.
		if _, ok := err.(*exec.ExitError); !ok {
			_, werr := f.IO.Out.Write(out)
			return werr
		}
	}
	return nil
}
