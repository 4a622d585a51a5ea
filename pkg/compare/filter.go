package compare

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Filter narrows a report. Empty fields mean "everything".
type Filter struct {
	Against   []string `json:"against,omitempty"`   // counterpart document IDs
	Objective int      `json:"objective,omitempty"` // GDC objective 1–5; 0 for all
	Themes    []string `json:"themes,omitempty"`
	Stances   []string `json:"stances,omitempty"`
	Kinds     []string `json:"kinds,omitempty"`
	// Confidence is the lowest record confidence counted (low, medium or
	// high); "" counts every record.
	Confidence string `json:"confidence,omitempty"`
	// Qualifiers keeps only records that list one of these qualifiers.
	Qualifiers []string `json:"qualifiers,omitempty"`
	// Targets are Chinese clauses or sections (cn-position-2024:2.6); a
	// record passes when its counterpart is one of them or lies under one.
	Targets []string `json:"targets,omitempty"`
	// Side and InAll narrow the gaps report (see GapOptions); they are here
	// so that every report states the whole question it answers.
	Side  string `json:"side,omitempty"`
	InAll bool   `json:"in_all,omitempty"`
}

// Objective is the GDC objective (1–5) a reference clause serves: the
// objective section it sits in, or the objective it states (7(1)–7(5)).
// 0 for the preamble, principles and follow-up.
func Objective(cl *corpus.Clause) int {
	if cl.Doc.ID != corpus.ReferenceID {
		return 0
	}
	for _, h := range cl.Heading {
		// A heading "目标N. …" opens objective N.
		if rest, ok := strings.CutPrefix(h, "目标"); ok && len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9' && rest[1] == '.' {
			return int(rest[0] - '0')
		}
	}
	if len(cl.ID) == 4 && cl.ID[:2] == "7(" {
		n, _ := strconv.Atoi(cl.ID[2:3])
		return n
	}
	return 0
}

// docs returns the counterpart documents selected by the filter, by date.
func (f Filter) docs(c *corpus.Corpus) []*corpus.Document {
	var out []*corpus.Document
	for _, d := range c.Counterparts() {
		if len(f.Against) == 0 || in(f.Against, d.ID) {
			out = append(out, d)
		}
	}
	return out
}

// clause reports whether a clause passes the objective, theme and kind filters.
func (f Filter) clause(cl *corpus.Clause) bool {
	if f.Objective != 0 && Objective(cl) != f.Objective {
		return false
	}
	if len(f.Kinds) > 0 && !in(f.Kinds, cl.Kind) {
		return false
	}
	if len(f.Themes) > 0 && !overlaps(f.Themes, cl.Themes) {
		return false
	}
	return true
}

// Under reports whether the clause qid is prefix or lies in the section
// prefix names. Sections end at a dot, so 2.6 holds 2.6.2 but not 2.61.
func Under(qid, prefix string) bool {
	return qid == prefix || strings.HasPrefix(qid, prefix+".")
}

func underAny(qid string, prefixes []string) bool {
	for _, p := range prefixes {
		if Under(qid, p) {
			return true
		}
	}
	return false
}

// target reports whether a record passes the target filter; a none record
// has no Chinese clause, so it never does when targets are asked for.
func (f Filter) target(r *mapping.Record) bool {
	return len(f.Targets) == 0 || (r.Target != "" && underAny(r.TargetQID(), f.Targets))
}

// anyRecord reports whether one of the records passes the record filters
// (target and stance), each record on its own: a cell holding a partial
// record under 2.6 and an aligned one elsewhere is not picked by
// --target position:2.6 --stance aligned.
func (f Filter) anyRecord(recs []*mapping.Record) bool {
	for _, r := range recs {
		if f.target(r) && (len(f.Stances) == 0 || in(f.Stances, r.Stance)) {
			return true
		}
	}
	return false
}

func in(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if in(b, x) {
			return true
		}
	}
	return false
}

// stanceRank orders stances for summarising several records of one pair:
// a divergence outweighs a partial match, which outweighs alignment.
var stanceRank = map[string]int{mapping.Divergent: 3, mapping.Partial: 2, mapping.Aligned: 1}

// PairStance summarises the records of one (GDC clause, document) pair:
// divergent if any record is, else partial if any is, else aligned if any
// is, else silent (no record, or only a none record).
func PairStance(records []*mapping.Record) string {
	best := ""
	for _, r := range records {
		if stanceRank[r.Stance] > stanceRank[best] {
			best = r.Stance
		}
	}
	if best == "" {
		return Silent
	}
	return best
}

// Silent is the pair stance of a GDC clause with no counterpart in a document.
const Silent = "silent"

// index groups records by target document and source clause: each
// document's records sorted by source (stably, so file order stays within a
// clause), a clause's records being one run of them. A sorted array per
// document instead of a map per document of small arrays: this is memory
// every report on the matrix touches.
type index map[string][]*mapping.Record

func newIndex(m *mapping.Set) index {
	ix := make(index, len(m.Files))
	for _, f := range m.Files {
		recs := make([]*mapping.Record, len(f.Records))
		for i := range f.Records {
			recs[i] = &f.Records[i]
		}
		slices.SortStableFunc(recs, func(a, b *mapping.Record) int { return strings.Compare(a.Source, b.Source) })
		ix[f.Target] = recs
	}
	return ix
}

// of is the records of GDC clause local against document doc.
func (ix index) of(doc, local string) []*mapping.Record {
	recs := ix[doc]
	i, _ := slices.BinarySearchFunc(recs, local, func(r *mapping.Record, s string) int { return strings.Compare(r.Source, s) })
	j := i
	for j < len(recs) && recs[j].Source == local {
		j++
	}
	return recs[i:j:j] // capped: a caller's append must not write into the next clause's run
}
