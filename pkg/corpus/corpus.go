// Package corpus holds the documents clause by clause: their types, clause
// IDs, and loading with strict checks from an fs.FS.
package corpus

import (
	"sort"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// ToDo is the placeholder for a value a curator has still to supply.
const ToDo = "TODO"

// Document is one policy text, kept clause by clause.
type Document struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Subtitle string `yaml:"subtitle,omitempty" json:"subtitle,omitempty"`
	TitleEn  string `yaml:"title_en" json:"title_en"`
	Issuer   string `yaml:"issuer" json:"issuer"`
	IssuerEn string `yaml:"issuer_en" json:"issuer_en"`
	Date     string `yaml:"date" json:"date"`
	Language string `yaml:"language" json:"language"`
	Source   Source `yaml:"source" json:"source"`
	// Principles the document states for itself (crosswalk principles).
	Principles []Principle `yaml:"principles,omitempty" json:"principles,omitempty"`
	Clauses    []Clause    `yaml:"clauses" json:"clauses"`

	File string `yaml:"-" json:"-"` // where it was loaded from

	// ToDos are the fields a curator has still to fill (the value TODO, as
	// `crosswalk new document` writes them): validate lists them as
	// warnings; the document loads.
	ToDos []diag.Problem `yaml:"-" json:"-"`
	index map[string]int // local clause ID → position
}

// Source records where the text came from and what is known to be wrong with it.
type Source struct {
	File        string   `yaml:"file" json:"file"`
	Seed        string   `yaml:"seed,omitempty" json:"seed,omitempty"`
	Description string   `yaml:"description" json:"description"`
	Flaws       []string `yaml:"flaws" json:"flaws"`
	// Furniture lists lines of the source that belong to the website, not the
	// document; they are excluded when coverage is measured.
	Furniture []string `yaml:"furniture" json:"furniture"`
}

// Principle is a principle a document states, with the clauses that state it.
type Principle struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`       // verbatim from a clause text or heading
	NameEn  string   `yaml:"name_en" json:"name_en"` // our label
	Clauses []string `yaml:"clauses" json:"clauses"`
}

// Clause is one paragraph or item of a document.
type Clause struct {
	ID        string   `yaml:"id" json:"id"`
	Heading   []string `yaml:"heading" json:"heading"`
	HeadingEn []string `yaml:"heading_en,omitempty" json:"heading_en,omitempty"`
	Kind      string   `yaml:"kind" json:"kind"`
	Text      string   `yaml:"text" json:"text"`
	TextEn    string   `yaml:"text_en,omitempty" json:"text_en,omitempty"`
	Footnotes []string `yaml:"footnotes,omitempty" json:"footnotes,omitempty"`
	SummaryEn string   `yaml:"summary_en" json:"summary_en"`
	Themes    []string `yaml:"themes" json:"themes"`

	Doc  *Document `yaml:"-" json:"-"`
	Line int       `yaml:"-" json:"-"` // line of the clause in its YAML file

	// Translation is a translation the user supplied and aligned with
	// `crosswalk new translation` (nil when there is none). crosswalk
	// ships none: it comes from a translations/ overlay file.
	Translation *Translation `yaml:"-" json:"-"`
}

// Translation is one clause of a user-supplied translation, with what the
// user said about the translation as a whole.
type Translation struct {
	Lang  string // "en"
	Text  string // "" for a clause the overlay marks as a gap
	Title string // the translation's title, as the user gave it
	Date  string // its date, "" when not given
	File  string // the overlay file, as problems name it
	From  string // the text file it was aligned from
	Line  int    // line of the clause's piece in that text file
	Gap   bool   // the overlay was written with --allow-gaps and has no piece here
}

// Label says which translation this is, for a reader: its title and date.
func (t *Translation) Label() string {
	s := "supplied official translation: " + t.Title
	if t.Date != "" {
		s += ", " + t.Date
	}
	return s
}

// Mapped reports whether the clause is one the mappings decide against
// every document: footnotes and lead-in chapeaus ("我们承诺到2030年:") are
// not, since they carry no commitment of their own.
func (c *Clause) Mapped() bool { return c.Kind != "footnote" && c.Kind != "chapeau" }

// QID is the fully qualified clause ID, e.g. gdc:29(d).
func (c *Clause) QID() string { return c.Doc.ID + ":" + c.ID }

// Clause returns the clause with the given local ID.
func (d *Document) Clause(local string) (*Clause, bool) {
	i, ok := d.index[local]
	if !ok {
		return nil, false
	}
	return &d.Clauses[i], true
}

// ClauseIDs lists the local IDs in document order.
func (d *Document) ClauseIDs() []string {
	ids := make([]string, len(d.Clauses))
	for i := range d.Clauses {
		ids[i] = d.Clauses[i].ID
	}
	return ids
}

// Position is the clause's index in document order, or -1.
func (d *Document) Position(local string) int {
	if i, ok := d.index[local]; ok {
		return i
	}
	return -1
}

func (d *Document) reindex() {
	d.index = make(map[string]int, len(d.Clauses))
	for i := range d.Clauses {
		d.Clauses[i].Doc = d
		d.index[d.Clauses[i].ID] = i
	}
}

// Corpus is the set of loaded documents, the reference document first and the
// others by date, so reading across shows how positions moved over time.
type Corpus struct {
	Docs   []*Document
	Themes *Themes
	byID   map[string]*Document
}

// ReferenceID is the document the others are compared against.
const ReferenceID = "gdc"

func newCorpus(docs []*Document, themes *Themes) *Corpus {
	sort.SliceStable(docs, func(i, j int) bool {
		if (docs[i].ID == ReferenceID) != (docs[j].ID == ReferenceID) {
			return docs[i].ID == ReferenceID
		}
		if docs[i].Date != docs[j].Date {
			return docs[i].Date < docs[j].Date
		}
		return docs[i].ID < docs[j].ID
	})
	c := &Corpus{Docs: docs, Themes: themes, byID: map[string]*Document{}}
	for _, d := range docs {
		d.reindex()
		c.byID[d.ID] = d
	}
	return c
}

// New assembles a corpus from documents and themes that were checked when
// they were loaded from YAML (the embedded snapshot), without checking again.
func New(docs []*Document, themes []Theme, sets []ThemeSet, variants []VariantGroup) *Corpus {
	t := &Themes{List: themes, Sets: sets, Variants: variants}
	t.reindex()
	return newCorpus(docs, t)
}

// Doc returns a document by ID.
func (c *Corpus) Doc(id string) (*Document, bool) {
	d, ok := c.byID[id]
	return d, ok
}

// DocIDs lists document IDs in corpus order.
func (c *Corpus) DocIDs() []string {
	ids := make([]string, len(c.Docs))
	for i, d := range c.Docs {
		ids[i] = d.ID
	}
	return ids
}

// Reference returns the reference document (the GDC), if loaded.
func (c *Corpus) Reference() (*Document, bool) { return c.Doc(ReferenceID) }

// Counterparts lists the documents compared against the reference, by date.
func (c *Corpus) Counterparts() []*Document {
	var out []*Document
	for _, d := range c.Docs {
		if d.ID != ReferenceID {
			out = append(out, d)
		}
	}
	return out
}

// Kinds are the clause kinds, with the meaning the README documents.
var Kinds = []string{
	"preamble", "context", "objective", "principle", "chapeau", "commitment",
	"call", "proposal", "practice", "follow-up", "closing", "salutation",
	"signature", "footnote",
}

// IsKind reports whether k is a known clause kind.
func IsKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Languages are the accepted values of a document's language.
var Languages = []string{"zh-Hans", "zh-Hant", "en"}

// compactSpace removes all whitespace, for comparisons "whitespace aside".
func compactSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u3000':
			return -1
		}
		return r
	}, s)
}

// CitedBy lists the clauses of the document that cite footnote fn.
func (d *Document) CitedBy(fn string) []*Clause {
	var out []*Clause
	for i := range d.Clauses {
		for _, f := range d.Clauses[i].Footnotes {
			if f == fn {
				out = append(out, &d.Clauses[i])
			}
		}
	}
	return out
}
