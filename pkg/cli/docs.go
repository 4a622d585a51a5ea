package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// DocsOptions are the inputs of `crosswalk docs`.
type DocsOptions struct {
	Out outputFlags
}

// NewCmdDocs lists the documents. runF replaces the run step in tests.
func NewCmdDocs(f *Factory, runF func(*DocsOptions) error) *cobra.Command {
	opts := &DocsOptions{}
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the documents with issuer, date, language and clause count",
		Args:  noArgs,
		RunE:  runner(opts, &opts.Out, runF, func(o *DocsOptions) error { return docsRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

// docJSON is one document in `docs --format json`.
type docJSON struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	TitleEn  string   `json:"title_en"`
	Issuer   string   `json:"issuer"`
	IssuerEn string   `json:"issuer_en"`
	Date     string   `json:"date"`
	Language string   `json:"language"`
	Clauses  int      `json:"clauses"`
	Flaws    []string `json:"source_flaws"`
}

func docsRun(f *Factory, opts *DocsOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	t := &report.Table{Columns: []report.Column{{Header: "ID"}, {Header: "Document", Weight: 1}, {Header: "Date"}, {Header: "Clauses"}}}
	flat := &report.Table{Columns: []report.Column{{Header: "id"}, {Header: "title"}, {Header: "title_en"}, {Header: "issuer"}, {Header: "issuer_en"}, {Header: "date"}, {Header: "language"}, {Header: "clauses"}}}
	var js []docJSON
	for _, d := range ds.Corpus.Docs {
		title := report.Plain(pick(f.Lang, d.Title, d.TitleEn) + "\n")
		title = append(title, report.Seg{Text: pick(f.Lang, d.Issuer, d.IssuerEn), Mark: report.MarkDim})
		t.Rows = append(t.Rows, []report.Text{
			report.Marked(d.ID, report.MarkBold),
			title,
			report.Plain(d.Date + "\n" + d.Language),
			report.Plain(strconv.Itoa(countClauses(d))),
		})
		flat.Rows = append(flat.Rows, plainRow(d.ID, d.Title, d.TitleEn, d.Issuer, d.IssuerEn, d.Date, d.Language, strconv.Itoa(countClauses(d))))
		js = append(js, docJSON{ID: d.ID, Title: d.Title, TitleEn: d.TitleEn, Issuer: d.Issuer, IssuerEn: d.IssuerEn, Date: d.Date, Language: d.Language, Clauses: countClauses(d), Flaws: nonNil(d.Source.Flaws)})
	}
	doc := &report.Doc{
		Title:  "Documents",
		Meta:   []report.Field{{Label: "Data", Value: report.Plain(ds.Origin)}},
		Blocks: []report.Block{t},
		CSV:    flat,
		Legend: []string{"Clauses: paragraphs and numbered items, footnotes excluded. `crosswalk show ID:…` prints one clause."},
	}
	return f.emit(&opts.Out, doc, struct {
		Report      string    `json:"report"`
		DataVersion string    `json:"data_version"`
		Documents   []docJSON `json:"documents"`
	}{"docs", ds.Version, js})
}

// countClauses counts clauses other than footnotes.
func countClauses(d *corpus.Document) int {
	n := 0
	for _, c := range d.Clauses {
		if c.Kind != "footnote" {
			n++
		}
	}
	return n
}

// pick chooses the Chinese, English or both versions of a label.
func pick(lang, zh, en string) string {
	switch {
	case lang == "zh" || en == "":
		return zh
	case lang == "en":
		return en
	}
	return fmt.Sprintf("%s\n%s", zh, en)
}

// pickInline is pick on one line.
func pickInline(lang, zh, en string) string {
	if lang == "both" && en != "" {
		return en + " · " + zh
	}
	return pick(lang, zh, en)
}

func plainRow(cells ...string) []report.Text {
	out := make([]report.Text, len(cells))
	for i, c := range cells {
		out[i] = report.Plain(c)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
