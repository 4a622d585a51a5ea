package translation

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/yamlx"
)

// Dir is the folder of overlay files inside a data folder.
const Dir = "translations"

// Langs are the languages a translation may be in.
var Langs = []string{"en"}

// File is an overlay: one translation of one document, aligned to its
// clause IDs. It is written by `crosswalk new translation` and may be
// edited by hand; the loader checks it again.
type File struct {
	Document string `yaml:"document"`
	Lang     string `yaml:"lang"`
	Title    string `yaml:"title"`
	Date     string `yaml:"date,omitempty"`
	From     string `yaml:"from"` // the text file it was aligned from
	// Clauses are the translated clauses, in document order.
	Clauses []Clause `yaml:"clauses"`
	// Gaps are clauses the translation has no piece for (written only
	// with --allow-gaps); they show the unofficial summary, marked.
	Gaps []string `yaml:"gaps,omitempty"`

	Path string `yaml:"-"` // where it was loaded from, as problems name it
}

// Clause is one translated clause of an overlay.
type Clause struct {
	ID   string `yaml:"id"`
	Line int    `yaml:"line"` // line of its piece in the text file
	Text string `yaml:"text"`
}

// Name is the overlay file's name for a document and language.
func Name(docID, lang string) string { return docID + "." + lang + ".yaml" }

// Overlay builds the overlay of an alignment, clauses in document order.
func Overlay(d *corpus.Document, r *Result, lang, title, date, from string) *File {
	f := &File{Document: d.ID, Lang: lang, Title: title, Date: date, From: from, Clauses: []Clause{}, Gaps: r.Gaps}
	byID := map[string]Piece{}
	for _, p := range r.Pieces {
		if _, ok := byID[p.ID]; !ok {
			byID[p.ID] = p
		}
	}
	for i := range d.Clauses {
		if p, ok := byID[d.Clauses[i].ID]; ok {
			f.Clauses = append(f.Clauses, Clause{ID: p.ID, Line: p.Line, Text: p.Text})
		}
	}
	return f
}

// Marshal writes the overlay as YAML with a header saying what it is.
func (f *File) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	body := buf.Bytes()
	head := fmt.Sprintf(`# A translation of %s supplied by the user and aligned to its clause IDs by
# crosswalk new translation from %s. crosswalk ships no official
# translation: this text is the user's copy, shown with --lang en and both.
`, f.Document, f.From)
	if len(f.Gaps) > 0 {
		head += "# Written with --allow-gaps: the clauses under gaps have no piece.\n"
	}
	return append([]byte(head), body...), nil
}

// Load reads every overlay in fsys (the translations folder; dir is how
// problems name it) and checks it against the corpus. An overlay must
// name a document of the corpus and account for each of its clauses once,
// translated or listed as a gap.
func Load(fsys fs.FS, dir string, c *corpus.Corpus) ([]*File, diag.List) {
	names, err := corpus.YAMLFiles(fsys)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(dir, err)}
	}
	var files []*File
	var probs diag.List
	for _, name := range names {
		f, ps := load(fsys, name, path.Join(dir, name), c)
		probs = append(probs, ps...)
		if f != nil && len(ps) == 0 {
			files = append(files, f)
		}
	}
	return files, probs.Sorted()
}

func load(fsys fs.FS, name, display string, c *corpus.Corpus) (*File, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	var f File
	loc, probs := yamlx.Decode(display, data, &f)
	if probs != nil {
		return nil, probs
	}
	f.Path = display
	add := func(msg string, p ...any) {
		probs = append(probs, diag.Problem{File: display, Line: max(1, loc.Line(p...)), Field: yamlx.Field(p...), Msg: msg})
	}
	d, ok := c.Doc(f.Document)
	if !ok {
		add(fmt.Sprintf("unknown document %q%s", f.Document, diag.DidYouMean(f.Document, c.DocIDs())), "document")
		return nil, probs
	}
	if !contains(Langs, f.Lang) {
		add(fmt.Sprintf("lang %q must be one of %s", f.Lang, strings.Join(Langs, ", ")), "lang")
	}
	if want := Name(f.Document, f.Lang); name != want && contains(Langs, f.Lang) {
		add(fmt.Sprintf("an overlay of %s in %s must be named %s, not %s", f.Document, f.Lang, want, name), "document")
	}
	if strings.TrimSpace(f.Title) == "" {
		add("missing title: say which translation this is (its title as published)", "title")
	}
	seen := map[string]string{}
	last := -1
	for i, cl := range f.Clauses {
		pos := d.Position(cl.ID)
		switch {
		case pos < 0:
			add(fmt.Sprintf("%s has no clause %q%s", d.ID, cl.ID, diag.DidYouMean(cl.ID, d.ClauseIDs())), "clauses", i, "id")
			continue
		case seen[cl.ID] != "":
			add(fmt.Sprintf("clause %s is listed twice (also %s)", cl.ID, seen[cl.ID]), "clauses", i, "id")
			continue
		case pos < last:
			add(fmt.Sprintf("clause %s is out of document order", cl.ID), "clauses", i, "id")
		}
		last = max(last, pos)
		seen[cl.ID] = yamlx.Field("clauses", i)
		if strings.TrimSpace(cl.Text) == "" {
			add(fmt.Sprintf("clause %s has no text (list it under gaps instead)", cl.ID), "clauses", i, "text")
		}
	}
	for i, id := range f.Gaps {
		switch {
		case d.Position(id) < 0:
			add(fmt.Sprintf("%s has no clause %q%s", d.ID, id, diag.DidYouMean(id, d.ClauseIDs())), "gaps", i)
		case seen[id] != "":
			add(fmt.Sprintf("clause %s is a gap and also %s", id, seen[id]), "gaps", i)
		default:
			seen[id] = yamlx.Field("gaps", i)
		}
	}
	var missing []string
	for _, id := range d.ClauseIDs() {
		if seen[id] == "" {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		add(fmt.Sprintf("%d clause(s) of %s are neither translated nor listed under gaps: %s", len(missing), d.ID, list(missing)), "clauses")
	}
	return &f, probs
}

func list(ids []string) string {
	if len(ids) > 8 {
		return strings.Join(ids[:8], ", ") + fmt.Sprintf(" and %d more", len(ids)-8)
	}
	return strings.Join(ids, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Apply returns the corpus with the overlays' translations on its clauses.
// The documents it changes are copied: the corpus given (the embedded one
// is shared) is not modified.
func Apply(c *corpus.Corpus, files []*File) *corpus.Corpus {
	if len(files) == 0 {
		return c
	}
	byDoc := map[string][]*File{}
	for _, f := range files {
		byDoc[f.Document] = append(byDoc[f.Document], f)
	}
	docs := make([]*corpus.Document, len(c.Docs))
	for i, d := range c.Docs {
		// Every document is copied, since building the corpus indexes
		// them again.
		nd := *d
		nd.Clauses = append([]corpus.Clause(nil), d.Clauses...)
		idx := map[string]int{}
		for j := range nd.Clauses {
			idx[nd.Clauses[j].ID] = j
		}
		for _, f := range byDoc[d.ID] {
			tr := func() *corpus.Translation {
				return &corpus.Translation{Lang: f.Lang, Title: f.Title, Date: f.Date, File: f.Path, From: f.From}
			}
			for _, cl := range f.Clauses {
				t := tr()
				t.Text, t.Line = cl.Text, cl.Line
				nd.Clauses[idx[cl.ID]].Translation = t
			}
			for _, id := range f.Gaps {
				t := tr()
				t.Gap = true
				nd.Clauses[idx[id]].Translation = t
			}
		}
		docs[i] = &nd
	}
	t := c.Themes
	return corpus.New(docs, t.List, t.Sets, t.Variants)
}
