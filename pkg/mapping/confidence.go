package mapping

import (
	"fmt"
	"slices"
	"strings"
)

// ConfidenceRank orders the confidences: high 3, medium 2, low 1; 0 for
// anything else.
func ConfidenceRank(c string) int {
	i := slices.Index(Confidences, c)
	if i < 0 {
		return 0
	}
	return len(Confidences) - i
}

// AtLeast is the set with only the records of confidence min or higher.
func (s *Set) AtLeast(min string) *Set {
	floor := ConfidenceRank(min)
	return s.Only(func(r *Record) bool { return ConfidenceRank(r.Confidence) >= floor },
		"the confidence filter", "confidence below "+min)
}

// WithQualifier is the set with only the records that list one of keys.
func (s *Set) WithQualifier(keys ...string) *Set {
	return s.Only(func(r *Record) bool { return slices.ContainsFunc(keys, r.HasQualifier) },
		"the qualifier filter", "no qualifier "+strings.Join(keys, " or "))
}

// Only is the set with only the records keep accepts. A cell whose records
// are all dropped is not left undecided: it gets a silence entry that names
// the filter (by) and what the dropped records have (lack), and the first
// dropped counterpart, so reports tell "hidden by the filter" apart from
// "nothing there".
func (s *Set) Only(keep func(*Record) bool, by, lack string) *Set {
	out := &Set{Files: make([]*File, 0, len(s.Files)), Qualifiers: s.Qualifiers}
	for _, f := range s.Files {
		nf := *f
		nf.Records = make([]Record, 0, len(f.Records))
		nf.Silences = slices.Clone(f.Silences)
		dropped := map[string]*Record{} // source → first dropped record with a target
		var order []string
		for i := range f.Records {
			r := &f.Records[i]
			if keep(r) {
				nf.Records = append(nf.Records, *r)
				continue
			}
			if _, seen := dropped[r.Source]; !seen {
				order = append(order, r.Source)
				dropped[r.Source] = nil
			}
			if dropped[r.Source] == nil && r.Target != "" {
				dropped[r.Source] = r
			}
		}
		kept := map[string]bool{}
		for _, r := range nf.Records {
			kept[r.Source] = true
		}
		for _, src := range order {
			if kept[src] {
				continue
			}
			si := Silence{Sources: []string{src}, SourceDoc: f.Source, TargetDoc: f.Target, Path: f.Path,
				Note: fmt.Sprintf("Hidden by %s: every record for this clause has %s.", by, lack)}
			if r := dropped[src]; r != nil {
				si.Nearest, si.Line = r.Target, r.Line
				si.Note = fmt.Sprintf("Hidden by %s: the counterparts here have %s (e.g. %s, %s).", by, lack, r.TargetQID(), r.Stance)
			}
			nf.Silences = append(nf.Silences, si)
		}
		out.Files = append(out.Files, &nf)
	}
	return out
}
