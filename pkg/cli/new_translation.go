package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/outfile"
	"github.com/crosswalk-dev/crosswalk/pkg/translation"
)

// NewTranslationOptions are the inputs of `crosswalk new translation`.
type NewTranslationOptions struct {
	Doc, File, Title, Date string
	AllowGaps, Replace     bool
}

func newCmdNewTranslation(f *Factory, runF func(*NewTranslationOptions) error) *cobra.Command {
	opts := &NewTranslationOptions{}
	cmd := &cobra.Command{
		Use:   "translation --doc DOC --lang en FILE",
		Short: "Align an official translation you have (plain text or Markdown) to a document's clause IDs",
		Long: `Read FILE, a translation of document DOC as plain text or Markdown, cut it
by the document's own numbering and align each piece to a clause ID:

  29.        starts paragraph 29 (a number and a full stop at the start of a line)
  (d)        starts sub-item 29(d) of the paragraph before it
  [^1]: …    is footnote fn.1 (a Markdown footnote)
  2.4.3      starts the clause of that dotted ID (the Chinese papers' sections)
  [pre.1]    starts any clause, named by its local ID

Lines after a numbered line continue its piece; a short line between
paragraphs ("Objectives") is a heading and is skipped; the lines before the
first number are the title page (the first is the default --title).

Before anything is written, every problem is reported as FILE:LINE: every
clause with no piece (at the line where it was expected), every piece with
no clause, numbering that repeats or goes backwards, stray page headers and
footers, pieces whose length is implausible against the original (warnings),
and footnote numbers glued to a word (warnings). With any of them but the
warnings, nothing is written; --allow-gaps writes an overlay whose missing
clauses are marked as gaps.

The overlay goes to DIR/translations/DOC.en.yaml with --data DIR, else to the
user translations folder every command reads without --data:
$CROSSWALK_TRANSLATIONS, else $XDG_DATA_HOME/crosswalk/translations, else
~/.local/share/crosswalk/translations. Then --lang en shows the translation
instead of crosswalk's unofficial summary, labelled with its title and date,
and --lang both shows it beside the original.

crosswalk ships no official translation: this is your copy, checked against
our clause IDs.`,
		Example: `  crosswalk new translation --doc gdc --lang en \
      --title "Global Digital Compact" \
      --date 2024-09-22 gdc-en.txt
  crosswalk show 29d --lang en`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if !cmd.Flags().Changed("lang") || f.Lang != "en" {
				return usageErrorf("new translation needs --lang en: English is the language a translation can be in")
			}
			if runF != nil {
				return runF(opts)
			}
			return newTranslationRun(f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Doc, "doc", "", "the document `ID` FILE translates")
	fl.StringVar(&opts.Title, "title", "", "the translation's title as published (default: the first line of FILE)")
	fl.StringVar(&opts.Date, "date", "", "the translation's date: YYYY, YYYY-MM or YYYY-MM-DD")
	fl.BoolVar(&opts.AllowGaps, "allow-gaps", false, "write the overlay even when clauses have no piece, marking them as gaps")
	fl.BoolVar(&opts.Replace, "replace", false, "replace an overlay of DOC already there")
	_ = cmd.RegisterFlagCompletionFunc("doc", completeDocIDs(f, false))
	return cmd
}

var dateFlagRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func newTranslationRun(f *Factory, opts *NewTranslationOptions) error {
	if opts.Doc == "" {
		return usageErrorf("new translation needs --doc ID: the document FILE translates")
	}
	if opts.Date != "" && !dateFlagRe.MatchString(opts.Date) {
		return usageErrorf("--date %q must be YYYY, YYYY-MM or YYYY-MM-DD", opts.Date)
	}
	dir := f.DataDir
	if dir != "" {
		dir = filepath.Join(dir, translation.Dir)
	} else if dir = dataset.UserTranslationsDir(); dir == "" {
		return usageErrorf("CROSSWALK_TRANSLATIONS is off: give --data DIR to write the overlay into a data folder")
	}
	ds, err := f.Dataset()
	if err != nil {
		return fmt.Errorf("the data does not load, so nothing was written; fix it first:\n%w", err)
	}
	d, err := ds.Corpus.ResolveDoc(opts.Doc)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("--doc: %w", err)}
	}
	path := filepath.Join(dir, translation.Name(d.ID, "en"))
	if _, err := os.Lstat(path); err == nil && !opts.Replace {
		return fmt.Errorf("%s already exists; nothing was written (--replace replaces it)", path)
	}
	text, err := readText(opts.File)
	if err != nil {
		return err
	}
	r := translation.Align(d, text)
	var errs diag.List
	for _, p := range r.Problems(opts.File) {
		if strings.HasPrefix(p.Msg, "warning: ") {
			f.IO.Errorf("%s\n", p)
		} else {
			errs = append(errs, p)
		}
	}
	if r.Blocking(opts.AllowGaps) {
		hint := ""
		if len(errs) == len(r.Gaps) {
			hint = " (--allow-gaps writes the overlay with those clauses marked as gaps)"
		}
		return fmt.Errorf("%w\nnothing was written%s", errs, hint)
	}
	for _, p := range errs { // gaps, allowed
		f.IO.Errorf("%s\n", p)
	}
	title := opts.Title
	if title == "" {
		title = r.Title
	}
	if title == "" {
		return usageErrorf("%s has no title line before its first number: give --title", opts.File)
	}
	ov := translation.Overlay(d, r, "en", title, opts.Date, filepath.Base(opts.File))
	out, err := ov.Marshal()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make %s: %w", dir, errors.Unwrap(err))
	}
	var old []byte
	if opts.Replace {
		old, _ = os.ReadFile(path)
	}
	if err := outfile.Write(path, out); err != nil {
		return err
	}
	// What was written must load, as every command will read it.
	if _, err := f.reloadWith(dir); err != nil {
		if old != nil {
			_ = outfile.Write(path, old)
		} else {
			os.Remove(path)
		}
		return fmt.Errorf("the new overlay does not load, so it was removed again:\n%w", err)
	}
	n := len(d.Clauses)
	f.IO.Errorf("wrote %s: %d of %d clauses of %s aligned", path, len(ov.Clauses), n, d.ID)
	if len(ov.Gaps) > 0 {
		f.IO.Errorf(", %d marked as gaps", len(ov.Gaps))
	}
	f.IO.Errorf("\nshow one with: crosswalk%s show %s:%s --lang en\n", dataFlag(f), d.ID, ov.Clauses[0].ID)
	return nil
}

func dataFlag(f *Factory) string {
	if f.DataDir == "" {
		return ""
	}
	return " --data " + f.DataDir
}

// reloadWith loads the data again as a later command will, the overlays in
// dir included.
func (f *Factory) reloadWith(dir string) (*dataset.Dataset, error) {
	if f.DataDir != "" {
		return dataset.FromDir(f.DataDir)
	}
	ds, err := dataset.Embedded()
	if err != nil {
		return nil, err
	}
	return ds.WithTranslations(dir)
}

// readText reads the translation file: a regular file of UTF-8 text no
// larger than the data files crosswalk reads.
func readText(name string) (string, error) {
	info, err := os.Stat(name)
	switch {
	case err != nil:
		return "", fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	case !info.Mode().IsRegular():
		return "", fmt.Errorf("cannot read %s: it is not a regular file", name)
	case info.Size() > dataset.MaxFileSize:
		return "", fmt.Errorf("cannot read %s: it is %.1f MiB; a translation over %d MiB is refused", name, float64(info.Size())/(1<<20), dataset.MaxFileSize>>20)
	}
	fh, err := os.Open(name)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, dataset.MaxFileSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	if len(b) > dataset.MaxFileSize {
		return "", fmt.Errorf("cannot read %s: it grew past %d MiB while being read", name, dataset.MaxFileSize>>20)
	}
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		line := 1 + bytes.Count(b[:invalidAt(b)], []byte("\n"))
		return "", fmt.Errorf("%s:%d: not UTF-8 text: save the translation as UTF-8 plain text or Markdown", name, line)
	}
	return string(b), nil
}

// invalidAt is the offset of the first byte that is not UTF-8 text.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 || r == 0 {
			return i
		}
		i += n
	}
	return len(b)
}
