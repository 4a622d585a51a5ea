//go:generate go run -tags nosnapshot ./internal/round3

// Package agree compares two mapping sets over the same documents: how
// well two curators agree on stances (percent agreement, Cohen's κ, a
// weighted κ, the confusion matrix and every disagreement), and which
// records one set has and the other lacks or codes differently, so the
// same comparison serves as a changelog between two versions of the data.
package agree

import (
	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Categories are the pair stances compared, in matrix order.
var Categories = []string{mapping.Aligned, mapping.Partial, mapping.Divergent, compare.Silent}

// Weight is the disagreement weight of two pair stances for the weighted
// κ: aligned, partial and divergent lie on an ordinal scale one half apart
// (aligned–partial and partial–divergent 0.5, aligned–divergent 1), and a
// silence against any counterpart is a full disagreement (1).
func Weight(a, b string) float64 {
	if a == b {
		return 0
	}
	rank := map[string]float64{mapping.Aligned: 0, mapping.Partial: 1, mapping.Divergent: 2}
	ra, okA := rank[a]
	rb, okB := rank[b]
	if !okA || !okB {
		return 1
	}
	d := ra - rb
	if d < 0 {
		d = -d
	}
	return d / 2
}

// Unit is one (GDC clause, document) pair that both sets reviewed.
type Unit struct {
	Clause        *corpus.Clause // the GDC clause
	Doc           string
	Here, There   string // pair stances
	HereRecords   []*mapping.Record
	ThereRecords  []*mapping.Record
	HereThereSame bool
}

// Stats are the agreement figures over a set of units.
type Stats struct {
	Pairs      int
	Agreements int
	// Confusion[i][j] counts units with Categories[i] here and Categories[j] there.
	Confusion [4][4]int
	Recall    Recall
}

// Recall counts, over the units, how many of the counterparts (records
// with a target) each set has and how many of them the other set has too,
// by pair and by cell. Reading "there" as an independent reader, recall is
// Found/There and precision Found/Here.
type Recall struct {
	// Counterpart level: (GDC clause, target clause) pairs.
	Here, There, Found int
	// Cell level: units with at least one counterpart in one set, and in both.
	CellsHere, CellsThere, CellsBoth int
}

// Percent is the share of units where the pair stances are equal.
func (s Stats) Percent() float64 {
	if s.Pairs == 0 {
		return 0
	}
	return 100 * float64(s.Agreements) / float64(s.Pairs)
}

// Kappa is Cohen's κ on pair stance; ok is false when it is undefined (no
// pairs, or both sets put every pair in one and the same category).
func (s Stats) Kappa() (float64, bool) {
	return s.weighted(func(i, j int) float64 {
		if i == j {
			return 0
		}
		return 1
	})
}

// WeightedKappa is Cohen's weighted κ with the weights of Weight.
func (s Stats) WeightedKappa() (float64, bool) {
	return s.weighted(func(i, j int) float64 { return Weight(Categories[i], Categories[j]) })
}

// weighted is 1 − Σ w·observed / Σ w·expected; with 0/1 weights it is
// Cohen's κ.
func (s Stats) weighted(w func(i, j int) float64) (float64, bool) {
	if s.Pairs == 0 {
		return 0, false
	}
	n := float64(s.Pairs)
	var rows, cols [4]float64
	for i := range 4 {
		for j := range 4 {
			rows[i] += float64(s.Confusion[i][j])
			cols[j] += float64(s.Confusion[i][j])
		}
	}
	var obs, exp float64
	for i := range 4 {
		for j := range 4 {
			obs += w(i, j) * float64(s.Confusion[i][j]) / n
			exp += w(i, j) * rows[i] * cols[j] / (n * n)
		}
	}
	if exp == 0 {
		return 0, false
	}
	return 1 - obs/exp, true
}

func (s *Stats) add(u Unit) {
	s.Pairs++
	if u.Here == u.There {
		s.Agreements++
	}
	s.Confusion[index(u.Here)][index(u.There)]++
	here, there := targets(u.HereRecords), targets(u.ThereRecords)
	s.Recall.Here += len(here)
	s.Recall.There += len(there)
	for t := range here {
		if there[t] {
			s.Recall.Found++
		}
	}
	if len(here) > 0 {
		s.Recall.CellsHere++
	}
	if len(there) > 0 {
		s.Recall.CellsThere++
	}
	if len(here) > 0 && len(there) > 0 {
		s.Recall.CellsBoth++
	}
}

// targets are the counterpart clauses of a cell's records.
func targets(rs []*mapping.Record) map[string]bool {
	out := map[string]bool{}
	for _, r := range rs {
		if r.Target != "" {
			out[r.Target] = true
		}
	}
	return out
}

func index(stance string) int {
	for i, c := range Categories {
		if c == stance {
			return i
		}
	}
	return len(Categories) - 1
}

// DocResult is the comparison for one document.
type DocResult struct {
	Doc *corpus.Document
	// Status of the mapping here and there: complete, draft or none.
	HereStatus, ThereStatus string
	Stats                   Stats
	// OnlyHere and OnlyThere count GDC clauses reviewed in one set only.
	OnlyHere, OnlyThere int
}

// Change is a record whose pair is in both sets with different coding.
type Change struct {
	Here, There *mapping.Record
	Fields      []string // the fields that differ, in record order
}

// Result is the whole comparison.
type Result struct {
	Docs          []DocResult
	Overall       Stats
	Units         []Unit // every unit both sets reviewed, by document then GDC order
	Disagreements []Unit
	OnlyHere      []*mapping.Record // records whose pair the other set lacks
	OnlyThere     []*mapping.Record
	Changed       []Change
}

// Compare compares set here with set there over corpus c's documents
// (the reference first, then by date). Pairs are matched by fully
// qualified IDs; a none record's pair is (GDC clause, document).
func Compare(c *corpus.Corpus, here, there *mapping.Set) Result {
	var res Result
	gdc, ok := c.Reference()
	if !ok {
		return res
	}
	for _, d := range c.Counterparts() {
		dr := DocResult{Doc: d, HereStatus: compare.MappingNone, ThereStatus: compare.MappingNone}
		fh, okH := here.For(d.ID)
		ft, okT := there.For(d.ID)
		if okH {
			dr.HereStatus = fh.Status
		}
		if okT {
			dr.ThereStatus = ft.Status
		}
		if !okH && !okT {
			continue
		}
		ixH, ixT := bySource(fh), bySource(ft)
		for i := range gdc.Clauses {
			cl := &gdc.Clauses[i]
			if !cl.Mapped() {
				continue
			}
			inH, inT := okH && fh.Covers(cl.ID), okT && ft.Covers(cl.ID)
			switch {
			case inH && !inT:
				dr.OnlyHere++
			case inT && !inH:
				dr.OnlyThere++
			case inH && inT:
				u := Unit{Clause: cl, Doc: d.ID, HereRecords: ixH[cl.ID], ThereRecords: ixT[cl.ID]}
				u.Here, u.There = compare.PairStance(u.HereRecords), compare.PairStance(u.ThereRecords)
				u.HereThereSame = u.Here == u.There
				dr.Stats.add(u)
				res.Overall.add(u)
				res.Units = append(res.Units, u)
				if !u.HereThereSame {
					res.Disagreements = append(res.Disagreements, u)
				}
			}
		}
		res.Docs = append(res.Docs, dr)
		diffRecords(&res, fh, ft)
	}
	return res
}

func bySource(f *mapping.File) map[string][]*mapping.Record {
	out := map[string][]*mapping.Record{}
	if f == nil {
		return out
	}
	for i := range f.Records {
		r := &f.Records[i]
		out[r.Source] = append(out[r.Source], r)
	}
	return out
}

// key identifies a record's pair: a none record pairs the clause with the
// document.
func key(r *mapping.Record) [2]string { return [2]string{r.SourceQID(), r.TargetQID()} }

// diffRecords adds the records of one document that one set has and the
// other lacks, and those coded differently, in record order. Only GDC
// clauses both sets reviewed count: a record on a clause the other set has
// not reviewed is not missing there.
func diffRecords(res *Result, here, there *mapping.File) {
	both := func(r *mapping.Record) bool {
		return here != nil && there != nil && here.Covers(r.Source) && there.Covers(r.Source)
	}
	index := func(f *mapping.File) map[[2]string]*mapping.Record {
		m := map[[2]string]*mapping.Record{}
		if f != nil {
			for i := range f.Records {
				m[key(&f.Records[i])] = &f.Records[i]
			}
		}
		return m
	}
	ixH, ixT := index(here), index(there)
	if here != nil {
		for i := range here.Records {
			r := &here.Records[i]
			if !both(r) {
				continue
			}
			o, ok := ixT[key(r)]
			if !ok {
				res.OnlyHere = append(res.OnlyHere, r)
				continue
			}
			if fields := differ(r, o); len(fields) > 0 {
				res.Changed = append(res.Changed, Change{Here: r, There: o, Fields: fields})
			}
		}
	}
	if there != nil {
		var only []*mapping.Record
		for i := range there.Records {
			if _, ok := ixH[key(&there.Records[i])]; !ok && both(&there.Records[i]) {
				only = append(only, &there.Records[i])
			}
		}
		res.OnlyThere = append(res.OnlyThere, only...)
	}
}

// differ lists the fields in which two records of the same pair differ.
func differ(a, b *mapping.Record) []string {
	var out []string
	for _, f := range []struct {
		name string
		x, y string
	}{
		{"stance", a.Stance, b.Stance}, {"relationship", a.Relationship, b.Relationship}, {"rationale", a.Rationale, b.Rationale},
		{"confidence", a.Confidence, b.Confidence}, {"theme", a.Theme, b.Theme}, {"note", a.Note, b.Note},
		{"quotes.source", a.Quotes.Source, b.Quotes.Source}, {"quotes.target", a.Quotes.Target, b.Quotes.Target},
	} {
		// A value one side has not coded yet (TODO in a draft) is no change.
		if f.x != f.y && f.x != mapping.ToDo && f.y != mapping.ToDo {
			out = append(out, f.name)
		}
	}
	return out
}
