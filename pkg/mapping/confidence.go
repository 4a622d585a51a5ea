package mapping

import (
	"fmt"
	"slices"
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

// AtLeast is the set with only the records of confidence min or higher. A
// cell whose records all fall below min is not left undecided: it gets a
// silence entry that says so and names the strongest dropped counterpart,
// so reports tell "hidden by the filter" apart from "nothing there".
func (s *Set) AtLeast(min string) *Set {
	floor := ConfidenceRank(min)
	out := &Set{Files: make([]*File, 0, len(s.Files))}
	for _, f := range s.Files {
		nf := *f
		nf.Records = make([]Record, 0, len(f.Records))
		nf.Silences = slices.Clone(f.Silences)
		dropped := map[string]*Record{} // source → first dropped record with a target
		var order []string
		for i := range f.Records {
			r := &f.Records[i]
			if ConfidenceRank(r.Confidence) >= floor {
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
				Note: fmt.Sprintf("Hidden by the confidence filter: every record for this clause has confidence below %s.", min)}
			if r := dropped[src]; r != nil {
				si.Nearest, si.Line = r.Target, r.Line
				si.Note = fmt.Sprintf("Hidden by the confidence filter: the counterparts here have confidence below %s (e.g. %s, %s).", min, r.TargetQID(), r.Stance)
			}
			nf.Silences = append(nf.Silences, si)
		}
		out.Files = append(out.Files, &nf)
	}
	return out
}
