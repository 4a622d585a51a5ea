package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/outfile"
	"github.com/crosswalk-dev/crosswalk/pkg/scaffold"
)

// NewCmdNew groups the commands that start new data for curators.
func NewCmdNew(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start new data: a folder, a document, a mapping, a translation",
		Long: `Start new data for curators, without touching code: 'new data DIR' copies
the embedded documents and mappings into DIR; 'new document' cuts a plain
text into a document YAML in the --data folder; 'new mapping' writes an
empty draft mapping of the GDC onto it; 'new translation' aligns an official
translation you have to a document's clause IDs.

What only a person can decide is written as TODO; crosswalk validate lists
what is left, and reports show the new document as not reviewed until its
mapping file lists the GDC clauses reviewed.`,
		Example: `  crosswalk new data mydata
  crosswalk --data mydata new document --id cn-example-2025 --from paper.txt
  crosswalk --data mydata new mapping --target cn-example-2025
  crosswalk new translation --doc gdc --lang en gdc-en.txt`,
		Args: noArgs,
	}
	cmd.AddCommand(newCmdNewData(f), newCmdNewDocument(f), newCmdNewMapping(f), newCmdNewTranslation(f, nil))
	return cmd
}

// NewDataOptions are the inputs of `crosswalk new data`.
type NewDataOptions struct{ Dir string }

func newCmdNewData(f *Factory) *cobra.Command {
	opts := &NewDataOptions{}
	return &cobra.Command{
		Use:   "data DIR",
		Short: "Copy the embedded documents and mappings to DIR for --data DIR",
		Long: `Write the embedded documents (with their source texts) and mappings (with
the theme vocabulary and the curation guide) to DIR/documents and
DIR/mappings, laid out for --data DIR. DIR must not hold either folder yet.`,
		Args: exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			return newDataRun(f, opts)
		},
	}
}

func newDataRun(f *Factory, opts *NewDataOptions) error {
	for _, sub := range []string{"documents", "mappings"} {
		if _, err := os.Stat(filepath.Join(opts.Dir, sub)); err == nil {
			return fmt.Errorf("%s already exists; choose a new folder", filepath.Join(opts.Dir, sub))
		}
	}
	n := 0
	for sub, fsys := range map[string]fs.FS{"documents": documents.FS, "mappings": mappings.FS} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(opts.Dir, sub, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			n++
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", opts.Dir, err)
		}
	}
	f.IO.Errorf("wrote %d files to %s (documents/ and mappings/); use it with: crosswalk --data %s …\n", n, opts.Dir, opts.Dir)
	return nil
}

// NewDocumentOptions are the inputs of `crosswalk new document`.
type NewDocumentOptions struct {
	Meta scaffold.Meta
	From string
}

func newCmdNewDocument(f *Factory) *cobra.Command {
	opts := &NewDocumentOptions{}
	cmd := &cobra.Command{
		Use:   "document --id ID --from FILE.txt",
		Short: "Cut a plain text into a new document YAML in the --data folder",
		Long: `Turn a plain text file into DIR/documents/ID.yaml, one clause per paragraph
(each non-empty line), and copy the text to DIR/documents/source/ID.txt, which
the clause texts are checked against.

Headings are detected where the text numbers them — 一、 (一) 1. (1) on a short
line with no full stop — and clause IDs follow that numbering: 2.4.3 is the
third paragraph under 二、 (四); a numbered paragraph (一是…, 第一,…, or a long
(一) 1. line) takes its own number; pre.N are paragraphs before the first
heading. The first line is the title unless --title is given. The language is
detected (zh-Hant when the text has Traditional characters).

Each clause's kind, English summary and themes are written as TODO, and so is
any of title_en, issuer, issuer_en and date not given as a flag: crosswalk
validate lists them as warnings, and the document loads meanwhile.`,
		Example: `  crosswalk new data mydata
  crosswalk --data mydata new document --id cn-example-2025 --from paper.txt \
      --date 2025-03`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return newDocumentRun(f, opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Meta.ID, "id", "", "document `ID` (lower-case letters, digits and hyphens, e.g. cn-example-2025)")
	fl.StringVar(&opts.From, "from", "", "plain text `FILE`, UTF-8, one paragraph per line")
	fl.StringVar(&opts.Meta.Title, "title", "", "the document's title in its own language (default: the first line)")
	fl.StringVar(&opts.Meta.TitleEn, "title-en", "", "the title in English")
	fl.StringVar(&opts.Meta.Issuer, "issuer", "", "the issuing body in the document's language")
	fl.StringVar(&opts.Meta.IssuerEn, "issuer-en", "", "the issuing body in English")
	fl.StringVar(&opts.Meta.Date, "date", "", "date of the document: YYYY, YYYY-MM or YYYY-MM-DD")
	fl.StringVar(&opts.Meta.Language, "language", "", "zh-Hans, zh-Hant or en (default: detected)")
	return cmd
}

// dataDir is the --data folder new writes into.
func (f *Factory) dataDir(what string) (string, error) {
	if f.DataDir == "" {
		return "", usageErrorf("%s writes into a --data folder: give --data DIR (make one with crosswalk new data DIR)", what)
	}
	return f.DataDir, nil
}

// writeNewDocument writes the source text and the document YAML into the
// --data folder, refusing to overwrite either, and loads the folder again:
// a document that does not load is removed, so nothing half-made is left.
func writeNewDocument(dir, id string, text, yml []byte) (*dataset.Dataset, string, string, error) {
	docPath := filepath.Join(dir, "documents", id+".yaml")
	srcPath := filepath.Join(dir, "documents", "source", id+".txt")
	for _, p := range []string{docPath, srcPath} {
		if _, err := os.Stat(p); err == nil {
			return nil, "", "", fmt.Errorf("%s already exists; nothing was written", p)
		}
	}
	if err := os.MkdirAll(filepath.Dir(srcPath), 0o755); err != nil {
		return nil, "", "", err
	}
	if err := outfile.Write(srcPath, text); err != nil {
		return nil, "", "", err
	}
	if err := outfile.Write(docPath, yml); err != nil {
		os.Remove(srcPath)
		return nil, "", "", err
	}
	check, err := dataset.FromDir(dir)
	if err != nil {
		os.Remove(docPath)
		os.Remove(srcPath)
		return nil, "", "", fmt.Errorf("the new document does not load, so it was removed again:\n%w", err)
	}
	return check, docPath, srcPath, nil
}

func (o *NewDocumentOptions) check() error {
	switch id := o.Meta.ID; {
	case id == "" || o.From == "":
		return usageErrorf("new document needs --id ID and --from FILE.txt")
	case !corpus.ValidDocID(id):
		return usageErrorf("--id %q must be lower-case letters, digits and hyphens", id)
	case o.Meta.Language != "" && !contains(corpus.Languages, o.Meta.Language):
		return usageErrorf("--language must be one of %s, not %q", strings.Join(corpus.Languages, ", "), o.Meta.Language)
	}
	return nil
}

func newDocumentRun(f *Factory, opts *NewDocumentOptions) error {
	dir, err := f.dataDir("new document")
	if err != nil {
		return err
	}
	if err := opts.check(); err != nil {
		return err
	}
	id := opts.Meta.ID
	ds, err := f.Dataset()
	if err != nil {
		return fmt.Errorf("%s does not load, so nothing was written; fix it first (crosswalk --data %s validate):\n%w", dir, dir, err)
	}
	if _, ok := ds.Corpus.Doc(id); ok {
		return fmt.Errorf("%s already has a document %q", dir, id)
	}
	text, err := os.ReadFile(opts.From)
	if err != nil {
		return fmt.Errorf("cannot read --from %s: %w", opts.From, errors.Unwrap(err))
	}
	opts.Meta.SourceName = filepath.Base(opts.From)
	yml, clauses, headings, err := scaffold.Document(opts.Meta, string(text))
	if err != nil {
		return err
	}
	check, docPath, srcPath, err := writeNewDocument(dir, id, text, yml)
	if err != nil {
		return err
	}
	d, _ := check.Corpus.Doc(id)
	f.IO.Errorf("wrote %s (%d clauses under %d headings) and %s; %d fields to do: crosswalk --data %s validate lists them\n",
		docPath, clauses, headings, srcPath, len(d.ToDos), dir)
	f.IO.Errorf("next: crosswalk --data %s new mapping --target %s\n", dir, id)
	return nil
}

// NewMappingOptions are the inputs of `crosswalk new mapping`.
type NewMappingOptions struct {
	Target   string
	Reviewed string
}

func newCmdNewMapping(f *Factory) *cobra.Command {
	opts := &NewMappingOptions{}
	cmd := &cobra.Command{
		Use:   "mapping --target ID",
		Short: "Write an empty draft mapping of the GDC onto a new document",
		Long: `Write DIR/mappings/ID.yaml: the header of a mapping of the GDC onto document
ID (status: draft, method: human, version 0.1.0, reviewed today), with no
clause decided. Reports show every GDC clause as not reviewed against ID until
it has a record or a silence entry.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return newMappingRun(f, opts) },
	}
	cmd.Flags().StringVar(&opts.Target, "target", "", "the document `ID` to map the GDC onto")
	cmd.Flags().StringVar(&opts.Reviewed, "reviewed", "", "review date YYYY-MM-DD (default: today)")
	_ = cmd.RegisterFlagCompletionFunc("target", completeDocIDs(f, false))
	return cmd
}

func newMappingRun(f *Factory, opts *NewMappingOptions) error {
	dir, err := f.dataDir("new mapping")
	if err != nil {
		return err
	}
	if opts.Target == "" {
		return usageErrorf("new mapping needs --target ID")
	}
	ds, err := f.Dataset()
	if err != nil {
		return fmt.Errorf("%s does not load, so nothing was written; fix it first (crosswalk --data %s validate):\n%w", dir, dir, err)
	}
	if _, err := ds.Corpus.ResolveDoc(opts.Target); err != nil || opts.Target == corpus.ReferenceID {
		return fmt.Errorf("--target %q is not a document of %s to compare with the GDC (%v)", opts.Target, dir, err)
	}
	if mf, ok := ds.Mappings.For(opts.Target); ok {
		return fmt.Errorf("%s already maps the GDC onto %s", mf.Path, opts.Target)
	}
	reviewed := opts.Reviewed
	if reviewed == "" {
		reviewed = time.Now().Format("2006-01-02")
	}
	path := filepath.Join(dir, "mappings", opts.Target+".yaml")
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; nothing was written", path)
	}
	if err := outfile.Write(path, scaffold.Mapping(opts.Target, reviewed)); err != nil {
		return err
	}
	if _, err := dataset.FromDir(dir); err != nil {
		os.Remove(path)
		return fmt.Errorf("the new mapping file does not load, so it was removed again:\n%w", err)
	}
	f.IO.Errorf("wrote %s: a draft with no GDC clause decided yet; add records or silence entries as you read\n", path)
	return nil
}
