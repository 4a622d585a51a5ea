// Package mapping holds the curated GDC → document mappings: their
// vocabularies, loading, and checks against a corpus.
package mapping

import (
	"slices"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Vocabularies of a record (defined in mappings/CURATION.md).
var (
	Stances       = []string{"aligned", "partial", "divergent", "none"}
	Relationships = []string{"equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with"}
	Rationales    = []string{"syntactic", "semantic", "functional"}
	Confidences   = []string{"high", "medium", "low"}
	Statuses      = []string{"complete", "draft"}
	Methods       = []string{"human", "assisted"}
)

// Status values of a mapping file.
const (
	StatusComplete = "complete"
	StatusDraft    = "draft"
)

// ConfidenceLow marks a thin link (CURATION §2): kept, and shown as such.
const ConfidenceLow = "low"

// Stance values.
const (
	Aligned   = "aligned"
	Partial   = "partial"
	Divergent = "divergent"
	None      = "none"
)

// File is one mapping file: the reference document onto one target document.
type File struct {
	Source   string   `yaml:"source"`
	Target   string   `yaml:"target"`
	Status   string   `yaml:"status"`
	Method   string   `yaml:"method"`
	Version  string   `yaml:"version"`
	Reviewed string   `yaml:"reviewed"`
	Curators []string `yaml:"curators,omitempty"`
	Records  []Record `yaml:"records"`
	// Silences are the decided cells without a counterpart: each entry
	// says why one or more GDC clauses have none in the target.
	Silences []Silence `yaml:"silences,omitempty"`

	Path string `yaml:"-"`
	// ToDos are the TODO values a draft still has (relationship, rationale
	// or a quote a curator has not given yet): validate lists them as
	// warnings, and the file loads.
	ToDos []diag.Problem `yaml:"-"`
}

// ToDo is the placeholder for a value a curator has still to give.
const ToDo = "TODO"

// Record links one reference clause to one target clause (or records a
// notable silence when Stance is none and Target is empty).
type Record struct {
	Source       string `yaml:"source"`
	Target       string `yaml:"target,omitempty"`
	Stance       string `yaml:"stance"`
	Relationship string `yaml:"relationship,omitempty"`
	Rationale    string `yaml:"rationale,omitempty"`
	Confidence   string `yaml:"confidence"`
	Theme        string `yaml:"theme"`
	Note         string `yaml:"note"`
	Quotes       Quotes `yaml:"quotes"`
	// Qualifiers say why a partial (or divergent) record falls short of
	// the GDC clause, from the vocabulary in qualifiers.yaml.
	Qualifiers []Qualifier `yaml:"qualifiers,omitempty"`

	SourceDoc string `yaml:"-"`
	TargetDoc string `yaml:"-"`
	Path      string `yaml:"-"`
	Line      int    `yaml:"-"`
}

// Silence is a reviewed cell with no counterpart: the GDC clauses one
// reason covers, the target clause a reader considered nearest (optional)
// and why it is not a counterpart.
type Silence struct {
	Sources []string `yaml:"sources"`
	Nearest string   `yaml:"nearest,omitempty"`
	Note    string   `yaml:"note"`

	SourceDoc string `yaml:"-"`
	TargetDoc string `yaml:"-"`
	Path      string `yaml:"-"`
	Line      int    `yaml:"-"`
}

// NearestQID is the fully qualified nearest clause, or "" when the entry
// names none.
func (s *Silence) NearestQID() string {
	if s.Nearest == "" {
		return ""
	}
	return s.TargetDoc + ":" + s.Nearest
}

// Quotes are the verbatim evidence spans in each clause.
type Quotes struct {
	Source string `yaml:"source"`
	Target string `yaml:"target,omitempty"`
}

// SourceQID is the fully qualified source clause ID.
func (r *Record) SourceQID() string { return r.SourceDoc + ":" + r.Source }

// TargetQID is the fully qualified target clause ID, or the target document
// ID for a none record (as the export schema specifies).
func (r *Record) TargetQID() string {
	if r.Target == "" {
		return r.TargetDoc
	}
	return r.TargetDoc + ":" + r.Target
}

// Covers reports whether reference clause local is decided in this file:
// it has a record (a counterpart or a none record) or a silence entry.
// Whatever the file's status, a clause with neither is not reviewed.
func (f *File) Covers(local string) bool {
	for i := range f.Records {
		if f.Records[i].Source == local {
			return true
		}
	}
	_, ok := f.SilenceFor(local)
	return ok
}

// Decided lists the local IDs of the reference clauses the file decides,
// in the order of ref, the file's source document.
func (f *File) Decided(ref *corpus.Document) []string {
	var out []string
	for i := range ref.Clauses {
		if f.Covers(ref.Clauses[i].ID) {
			out = append(out, ref.Clauses[i].ID)
		}
	}
	return out
}

// SilenceFor returns the silence entry that decides reference clause local.
func (f *File) SilenceFor(local string) (*Silence, bool) {
	for i := range f.Silences {
		if slices.Contains(f.Silences[i].Sources, local) {
			return &f.Silences[i], true
		}
	}
	return nil, false
}

// Set is every loaded mapping file, in corpus order of target documents.
type Set struct {
	Files []*File
	// Qualifiers is the qualifier vocabulary (nil when the folder has none).
	Qualifiers []QualifierType

	pairsOnce sync.Once
	pairs     map[[2]string]*Record // for Between

	cellsOnce sync.Once
	cells     map[[2]string]*Silence // (doc, local) → its silence, nil when records decide it
}

// Covers reports whether reference clause local was decided against
// document doc: false when no file maps doc, or its file has neither a
// record nor a silence entry for the clause.
func (s *Set) Covers(doc, local string) bool {
	_, ok := s.cell(doc, local)
	return ok
}

// Silence returns the silence entry that decides reference clause local
// against document doc, if one does.
func (s *Set) Silence(doc, local string) (*Silence, bool) {
	si, ok := s.cell(doc, local)
	return si, ok && si != nil
}

// cell indexes every decided cell on first use: reports ask once per cell.
func (s *Set) cell(doc, local string) (*Silence, bool) {
	s.cellsOnce.Do(func() {
		s.cells = map[[2]string]*Silence{}
		for _, f := range s.Files {
			for i := range f.Records {
				s.cells[[2]string{f.Target, f.Records[i].Source}] = nil
			}
			for i := range f.Silences {
				for _, id := range f.Silences[i].Sources {
					s.cells[[2]string{f.Target, id}] = &f.Silences[i]
				}
			}
		}
	})
	si, ok := s.cells[[2]string{doc, local}]
	return si, ok
}

// Records returns all records, file by file in corpus order.
func (s *Set) Records() []*Record {
	var out []*Record
	for _, f := range s.Files {
		for i := range f.Records {
			out = append(out, &f.Records[i])
		}
	}
	return out
}

// For returns the mapping file whose target is doc.
func (s *Set) For(doc string) (*File, bool) {
	for _, f := range s.Files {
		if f.Target == doc {
			return f, true
		}
	}
	return nil, false
}

func in(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// QuoteIn is the record's quote that lies in the clause of document doc:
// the source quote on the GDC side, the target quote on the other.
func (r *Record) QuoteIn(doc string) string {
	if doc == r.SourceDoc {
		return r.Quotes.Source
	}
	return r.Quotes.Target
}
