// Package audit runs the consistency checks a curator runs before a release:
// evidence reused between Chinese texts but mapped on one side only, the
// same evidence coded with different stances, aligned records whose note
// describes a narrowing, and substantive Chinese clauses no GDC clause maps
// to. Findings a curator has dismissed are listed in an exceptions file;
// an exception that no longer matches anything is itself a finding.
//
// Run takes values and returns values: no I/O, no styling.
package audit

import (
	"sort"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Kind names a kind of finding; exceptions name it too.
type Kind string

// The kinds of finding, in report order.
const (
	ReusePropagation  Kind = "reuse-propagation"
	StanceConflict    Kind = "stance-conflict"
	QualifierConflict Kind = "qualifier-conflict"
	NoteContradicts   Kind = "note-contradicts-stance"
	Unmapped          Kind = "unmapped-clause"
	StaleException    Kind = "stale-exception"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{ReusePropagation, StanceConflict, QualifierConflict, NoteContradicts, Unmapped, StaleException}

// arity is how many IDs identify a finding of each kind that can be
// excused (a stale exception cannot: remove the entry instead).
var arity = map[Kind]int{ReusePropagation: 3, StanceConflict: 3, QualifierConflict: 3, NoteContradicts: 2, Unmapped: 1}

// DefaultMinFormula is the shortest quote, in folded characters, that counts
// as the same formula when it lies inside another quote. Shorter spans
// (数字鸿沟, 人权) are shared vocabulary rather than shared evidence.
const DefaultMinFormula = 8

// UnmappedKinds are the clause kinds the unmapped check looks at: positions
// a GDC clause could take up, unlike context or reports of practice.
var UnmappedKinds = []string{"proposal", "principle"}

// Options tune the checks.
type Options struct {
	// MinRun is the shortest shared run for reuse propagation, passed to
	// analysis.Lineage (its default when zero).
	MinRun int
	// MinFormula is the shortest contained quote for stance conflicts
	// (DefaultMinFormula when zero).
	MinFormula int
}

// Finding is one thing for a curator to look at.
type Finding struct {
	Kind Kind
	// IDs identify the finding, fully qualified, in the order described for
	// each kind in the README; an exception names the same IDs (in any order).
	IDs []string
	// Records are the mapping records involved, if any.
	Records     []*mapping.Record
	Explanation string
	Action      string
	// Excused is the exception that dismisses the finding, or nil.
	Excused *Exception
	// Entry is the stale exception itself, for a stale-exception finding.
	Entry *Exception
}

// Key identifies the finding: its kind and its IDs, sorted.
func (f *Finding) Key() string { return key(f.Kind, f.IDs) }

func key(k Kind, ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	return string(k) + " " + strings.Join(s, " ")
}

// Result is every finding, open and excused, in report order.
type Result struct {
	Findings []Finding
}

// Open counts the findings no exception dismisses.
func (r *Result) Open() int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Excused == nil {
			n++
		}
	}
	return n
}

// Count counts the findings of one kind, open and excused.
func (r *Result) Count(k Kind) (open, excused int) {
	for i := range r.Findings {
		if f := &r.Findings[i]; f.Kind == k {
			if f.Excused == nil {
				open++
			} else {
				excused++
			}
		}
	}
	return open, excused
}

// Run audits the mapping set against the corpus. Exceptions dismiss the
// findings they name; those that name none come back as stale findings.
func Run(c *corpus.Corpus, set *mapping.Set, exceptions []Exception, opts Options) *Result {
	if opts.MinFormula <= 0 {
		opts.MinFormula = DefaultMinFormula
	}
	a := &auditor{c: c, set: set, seen: map[string]bool{}}
	a.reuse(opts.MinRun)
	a.stanceConflicts(opts.MinFormula)
	a.qualifierConflicts()
	a.notes()
	a.unmapped()
	a.order()

	byKey := map[string]int{}
	for i := range a.out {
		byKey[a.out[i].Key()] = i
	}
	for i := range exceptions {
		e := &exceptions[i]
		if j, ok := byKey[key(e.Kind, e.IDs)]; ok {
			a.out[j].Excused = e
			continue
		}
		a.out = append(a.out, staleFinding(e))
	}
	return &Result{Findings: a.out}
}

type auditor struct {
	c    *corpus.Corpus
	set  *mapping.Set
	out  []Finding
	seen map[string]bool
}

func (a *auditor) add(f Finding) {
	if k := f.Key(); !a.seen[k] {
		a.seen[k] = true
		a.out = append(a.out, f)
	}
}

// order sorts findings by kind, then by the document order of their IDs.
func (a *auditor) order() {
	rank := map[Kind]int{}
	for i, k := range Kinds {
		rank[k] = i
	}
	sort.SliceStable(a.out, func(i, j int) bool {
		x, y := &a.out[i], &a.out[j]
		if x.Kind != y.Kind {
			return rank[x.Kind] < rank[y.Kind]
		}
		for k := 0; k < len(x.IDs) && k < len(y.IDs); k++ {
			if px, py := a.pos(x.IDs[k]), a.pos(y.IDs[k]); px != py {
				return px[0] < py[0] || px[0] == py[0] && px[1] < py[1]
			}
		}
		return len(x.IDs) < len(y.IDs)
	})
}

// pos is a clause's document index in the corpus and its position there.
func (a *auditor) pos(qid string) [2]int {
	docID, local := corpus.SplitQID(qid)
	for i, d := range a.c.Docs {
		if d.ID == docID {
			return [2]int{i, d.Position(local)}
		}
	}
	return [2]int{len(a.c.Docs), 0}
}
