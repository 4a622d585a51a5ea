// Package mapping holds the curated GDC → document mappings: their
// vocabularies, loading, and checks against a corpus.
package mapping

import (
	"sync"

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
	// ClausesReviewed lists, in a draft file, the reference clauses
	// reviewed so far (local IDs). A complete file has none: every
	// clause was reviewed.
	ClausesReviewed []string `yaml:"clauses_reviewed,omitempty"`
	Records         []Record `yaml:"records"`

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

	SourceDoc string `yaml:"-"`
	TargetDoc string `yaml:"-"`
	Path      string `yaml:"-"`
	Line      int    `yaml:"-"`
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

// Covers reports whether the file's curators reviewed reference clause
// local: every clause for a complete file, the listed ones for a draft.
func (f *File) Covers(local string) bool {
	if f.Status == StatusComplete {
		return true
	}
	for _, id := range f.ClausesReviewed {
		if id == local {
			return true
		}
	}
	return false
}

// Set is every loaded mapping file, in corpus order of target documents.
type Set struct {
	Files []*File

	pairsOnce sync.Once
	pairs     map[[2]string]*Record // for Between
}

// Covers reports whether reference clause local was reviewed against
// document doc: false when no file maps doc, or a draft has not reached it.
func (s *Set) Covers(doc, local string) bool {
	f, ok := s.For(doc)
	return ok && f.Covers(local)
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
