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
	BOM     bool
	ASCII   bool
	formats []string
}

func addOutputFlags(cmd *cobra.Command, o *outputFlags, formats ...string) {
	o.formats = formats
	cmd.Flags().StringVar(&o.Format, "format", formats[0], "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(formats...))
	if contains(formats, "csv") {
		cmd.Flags().BoolVar(&o.BOM, "bom", true, "start CSV with a UTF-8 byte-order mark so spreadsheets read Chinese correctly")
	}
	if contains(formats, "table") {
		cmd.Flags().BoolVar(&o.ASCII, "ascii", false, "plain ASCII borders and marks for limited terminals")
	}
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

func (o *outputFlags) check() error {
	if !contains(o.formats, o.Format) {
		return usageErrorf("--format must be one of %s, not %q", strings.Join(o.formats, ", "), o.Format)
	}
	return nil
}

// emit renders doc (or v, for JSON) in the chosen format. Output goes to a
// buffer first so an error never leaves a partial file behind; -o writes to a
// temporary file in the same folder and renames it into place.
func (f *Factory) emit(o *outputFlags, doc *report.Doc, v any) error {
	var buf bytes.Buffer
	var err error
	switch o.Format {
	case "json":
		err = report.JSON(&buf, v)
	case "md":
		err = report.Markdown(&buf, doc)
	case "csv":
		t := doc.CSVTable()
		if t == nil {
			return fmt.Errorf("this report has no table to write as CSV")
		}
		err = report.CSV(&buf, t, o.BOM)
	default:
		color := f.IO.ColorEnabled() && o.Output == ""
		width := f.IO.Width
		if o.Output != "" {
			width = 100
		}
		err = report.Terminal(&buf, doc, report.TermOptions{Width: width, Color: color, ASCII: o.ASCII})
	}
	if err != nil {
		return err
	}
	if o.Output == "" {
		if o.Format == "table" && f.shouldPage(buf.Bytes()) {
			return f.page(buf.Bytes())
		}
		_, err = f.IO.Out.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(o.Output, buf.Bytes())
}

func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// shouldPage is true for terminal output taller than the screen.
func (f *Factory) shouldPage(out []byte) bool {
	return f.IO.IsTTY && !f.NoPager && f.Pager != "" && f.IO.Height > 0 && bytes.Count(out, []byte("\n")) >= f.IO.Height
}

// page shows out through the pager. LESS=FRX makes less quit when the text
// fits, keep colours, and leave the text on screen afterwards.
func (f *Factory) page(out []byte) error {
	args := strings.Fields(f.Pager)
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
