package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
	"github.com/crosswalk-dev/crosswalk/pkg/outfile"
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
	set     func(name string) bool // whether the user gave a flag
}

// formatFlags are output flags that only some formats use: given with
// another format, where they would silently do nothing, they are refused.
// A new format that honours one of them adds itself here.
var formatFlags = map[string][]string{
	"bom":    {"csv"},
	"no-bom": {"csv"},
	"wide":   {"csv", "xlsx"},
	"ascii":  {"table"},
}

// extFormats maps file extensions to the format -o implies.
var extFormats = map[string]string{".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json", ".txt": "table", ".xlsx": "xlsx", ".html": "html"}

func addOutputFlags(cmd *cobra.Command, o *outputFlags, formats ...string) {
	if contains(formats, "csv") {
		formats = append(formats, "xlsx") // the same table, as a workbook
	}
	o.formats = formats
	cmd.Flags().StringVar(&o.Format, "format", "", "output `FORMAT`, by default "+formats[0]+" or what the -o extension says")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (.md .csv .json .txt .xlsx set the format; - is standard output)")
	validate(cmd, oneOf("format", formats...))
	if contains(formats, "csv") {
		// --bom=false still works for scripts written before --no-bom.
		cmd.Flags().BoolVar(&o.BOM, "bom", true, "start CSV with a UTF-8 byte-order mark")
		_ = cmd.Flags().MarkHidden("bom")
		cmd.Flags().BoolVar(&o.NoBOM, "no-bom", false, "CSV without the UTF-8 byte-order mark that spreadsheets need for Chinese")
		validate(cmd, exclusive("bom", "no-bom"))
	}
	if contains(formats, "table") {
		cmd.Flags().BoolVar(&o.ASCII, "ascii", false, "plain ASCII borders and marks for limited terminals")
	}
	o.set = cmd.Flags().Changed
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
	case o.Format == "" && known && !contains(o.formats, implied):
		return usageErrorf("-o %s asks for %s by its extension, which this command does not write; it writes %s", o.Output, implied, orList(o.formats))
	case o.Format == "" && known:
		o.Format = implied
	case o.Format == "":
		o.Format = o.formats[0]
	case known && implied != o.Format && !(implied == "json" && o.Format == "oscal"): // OSCAL is JSON
		return usageErrorf("--format %s does not match the extension of -o %s (%s); change one of them", o.Format, o.Output, implied)
	}
	if !contains(o.formats, o.Format) {
		return notOneOf("format", o.Format, o.formats)
	}
	for _, name := range slices.Sorted(maps.Keys(formatFlags)) {
		if formats := formatFlags[name]; o.set != nil && o.set(name) && !contains(formats, o.Format) {
			return usageErrorf("--%s applies only to --format %s, not --format %s", name, orList(formats), o.Format)
		}
	}
	if o.NoBOM {
		o.BOM = false
	}
	return nil
}

// emit renders the view in the chosen format, and only that format. Output
// goes to a buffer first so an error never leaves a partial file behind; -o
// writes as package outfile says (atomically, respecting what is there).
// CSV on standard output is the exception: it is streamed, since a buffer
// the size of the matrix CSV was memory every scripted run paid for, and
// once the view is built only a failing write can stop it.
func (f *Factory) emit(o *outputFlags, v report.View) error {
	if o.Format == "csv" && o.Output == "" {
		return writeCSV(f.IO.Out, o, v)
	}
	color := o.Format == "table" && o.Output == "" && f.IO.ColorEnabled()
	out, err := f.render(o, v, color)
	if err != nil {
		return err
	}
	switch {
	case o.Output != "":
		return outfile.Write(o.Output, out, f.dataInputs()...)
	case o.Format == "table" && f.shouldPage(out):
		var plain func() ([]byte, error)
		if color {
			plain = func() ([]byte, error) { return f.render(o, v, false) }
		}
		return f.page(out, plain)
	}
	_, err = f.IO.Out.Write(out)
	return err
}

// write sends output that is already finished (a briefing page, an OSCAL
// document) to -o or standard output.
func (f *Factory) write(o *outputFlags, out []byte) error {
	if o.Output != "" {
		return outfile.Write(o.Output, out, f.dataInputs()...)
	}
	_, err := f.IO.Out.Write(out)
	return err
}

func (f *Factory) render(o *outputFlags, v report.View, color bool) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch o.Format {
	case "json":
		err = report.JSON(&buf, v)
	case "md":
		err = report.Markdown(&buf, v.Doc())
	case "csv":
		err = writeCSV(&buf, o, v)
	case "xlsx":
		err = f.xlsx(&buf, o, v)
	default:
		width := f.IO.Width
		if o.Output != "" {
			width = 100
		}
		err = report.Terminal(&buf, v.Doc(), report.TermOptions{Width: width, Color: color, ASCII: o.ASCII, Background: f.background()})
	}
	return buf.Bytes(), err
}

// writeCSV writes the view's table as CSV: row by row when the view can
// give its rows so, else from its Table.
func writeCSV(w io.Writer, o *outputFlags, v report.View) error {
	var rows *report.Rows
	if s, ok := v.(report.Streamer); ok {
		rows = s.SheetRows(o.Wide)
	} else if t := v.Table(o.Wide); t != nil {
		rows = t.PlainRows()
	}
	if rows == nil {
		return fmt.Errorf("this report has no table to write as CSV")
	}
	return report.CSV(w, rows, o.BOM)
}

// background is the terminal background as far as the environment says.
func (f *Factory) background() report.Background {
	dark, known := f.IO.DarkBackground()
	switch {
	case !known:
		return report.BackgroundUnknown
	case dark:
		return report.BackgroundDark
	}
	return report.BackgroundLight
}

// dataInputs are the folders --data reads, which -o never writes into.
func (f *Factory) dataInputs() []string {
	if f.DataDir == "" {
		return nil
	}
	return []string{filepath.Join(f.DataDir, "documents"), filepath.Join(f.DataDir, "mappings")}
}

// shouldPage is true for terminal output taller than the screen.
func (f *Factory) shouldPage(out []byte) bool {
	return f.IO.IsTTY && !f.NoPager && strings.TrimSpace(f.Pager) != "" && f.IO.Height > 0 && bytes.Count(out, []byte("\n")) >= f.IO.Height
}

// PagerCommand is the pager the environment asks for: $CROSSWALK_PAGER, else
// $PAGER, else less. Set to an empty value, either turns paging off.
func PagerCommand(lookup func(string) (string, bool)) string {
	for _, k := range []string{"CROSSWALK_PAGER", "PAGER"} {
		if v, ok := lookup(k); ok {
			return v
		}
	}
	return "less"
}

// page shows out through the pager, parsed like a shell would parse it. A
// pager that is blank, cannot be parsed or cannot start gets the output
// written directly, with a note for the last two. LESS=FRX makes less quit
// when the text fits, keep colours, and leave the text on screen
// afterwards; a less told not to keep colours gets the plain rendering.
func (f *Factory) page(out []byte, plain func() ([]byte, error)) error {
	argv, err := iostreams.SplitCommand(f.Pager)
	if err != nil {
		f.IO.Errorf("crosswalk: cannot use the pager %q: %v; showing the output directly\n", f.Pager, err)
	}
	if len(argv) == 0 || argv[0] == "" {
		_, err := f.IO.Out.Write(out)
		return err
	}
	env := os.Environ()
	if f.IO.Getenv("LESS") == "" {
		env = append(env, "LESS=FRX")
	}
	if plain != nil && !keepsColor(argv, f.IO.Getenv("LESS")) {
		if out, err = plain(); err != nil {
			return err
		}
	}
	run := f.runPager
	if run == nil {
		run = execPager
	}
	if err := run(argv, env, out, f.IO.Out, f.IO.ErrOut); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil // the pager ran; how the user left it is theirs
		}
		// A pager that cannot start must not swallow the report.
		f.IO.Errorf("crosswalk: cannot start the pager %q: %v; showing the output directly\n", argv[0], unwrapPath(err))
		_, werr := f.IO.Out.Write(out)
		return werr
	}
	return nil
}

func execPager(argv, env []string, in []byte, stdout, stderr io.Writer) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.Env = env
	return cmd.Run()
}

func unwrapPath(err error) error {
	var pe *os.PathError
	var ee *exec.Error
	switch {
	case errors.As(err, &ee):
		return ee.Err
	case errors.As(err, &pe):
		return pe.Err
	}
	return err
}

// keepsColor reports whether the pager shows colour escapes as colour. Only
// less is known to show them raw: unless it runs with -R or -r, from its
// arguments or from $LESS (crosswalk sets LESS=FRX when it is empty).
func keepsColor(argv []string, less string) bool {
	if filepath.Base(argv[0]) != "less" {
		return true
	}
	if less == "" {
		less = "FRX"
	}
	return lessRaw(argv[1:]) || lessRaw(strings.Fields(less))
}

// lessRaw reports whether less options include -R or -r (or their long
// names). A short option that takes a value (-x4, -Pprompt) ends its
// cluster, so a prompt string cannot pass for an option.
func lessRaw(opts []string) bool {
	for _, o := range opts {
		switch {
		case strings.EqualFold(o, "--raw-control-chars"):
			return true
		case strings.HasPrefix(o, "--"):
			continue
		}
		for _, c := range strings.TrimPrefix(o, "-") {
			if c == 'R' || c == 'r' {
				return true
			}
			if strings.ContainsRune("bhjkoOpPtTxyzD#+", c) {
				break
			}
		}
	}
	return false
}
