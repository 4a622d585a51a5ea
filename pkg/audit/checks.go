package audit

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// reuse reports GDC clauses mapped to one side of a reused formulation,
// on a quote inside the shared text, but with no record to the other side.
func (a *auditor) reuse(minRun int) {
	// The (GDC clause, target clause) pairs that have a record.
	mapped := map[[2]string]bool{}
	for _, r := range a.set.Records() {
		if r.Stance != mapping.None {
			mapped[[2]string{r.SourceQID(), r.TargetQID()}] = true
		}
	}
	for _, p := range analysis.Lineage(a.c.Counterparts(), minRun) {
		a.reuseSide(p, p.A, p.B, mapped, func(r analysis.Run) string { return r.A })
		a.reuseSide(p, p.B, p.A, mapped, func(r analysis.Run) string { return r.B })
	}
}

// reuseSide looks at the records onto from whose quote lies in a run (as
// text(run) spells it in from) and reports those missing onto to.
func (a *auditor) reuseSide(p analysis.LineagePair, from, to *corpus.Clause, mapped map[[2]string]bool, text func(analysis.Run) string) {
	// A document without a mapping file has nothing to add a record to.
	if _, ok := a.set.For(to.Doc.ID); !ok {
		return
	}
	for _, r := range a.recordsOnto(from) {
		if mapped[[2]string{r.SourceQID(), to.QID()}] {
			continue
		}
		// A silence entry that names to as the nearest clause is the
		// curators' decision not to map it, with their reason (CURATION §3.7).
		if si, ok := a.set.Silence(to.Doc.ID, r.Source); ok && si.Nearest == to.ID {
			continue
		}
		q := textnorm.Fold(r.Quotes.Target)
		for _, run := range p.Runs {
			if !strings.Contains(textnorm.Fold(text(run)), q) {
				continue
			}
			a.add(Finding{
				Kind:    ReusePropagation,
				IDs:     []string{r.SourceQID(), from.QID(), to.QID()},
				Records: []*mapping.Record{r},
				Explanation: fmt.Sprintf("%s → %s (%s) quotes “%s”, which %s repeats in a shared run of %d characters; %s has no record to %s.",
					r.SourceQID(), from.QID(), r.Stance, r.Quotes.Target, to.QID(), run.Len, r.SourceQID(), to.QID()),
				Action: fmt.Sprintf("add a record %s → %s, or dismiss", r.SourceQID(), to.QID()),
			})
			break
		}
	}
}

// recordsOnto lists the records whose target is cl.
func (a *auditor) recordsOnto(cl *corpus.Clause) []*mapping.Record {
	f, ok := a.set.For(cl.Doc.ID)
	if !ok {
		return nil
	}
	var out []*mapping.Record
	for i := range f.Records {
		if r := &f.Records[i]; r.Stance != mapping.None && r.Target == cl.ID {
			out = append(out, r)
		}
	}
	return out
}

// stanceConflicts reports records of one GDC clause in two documents that
// rest on the same evidence — equal folded target quotes, or quotes sharing
// a formula, a run of at least minFormula folded characters (as when one
// contains the other) — and differ in stance.
func (a *auditor) stanceConflicts(minFormula int) {
	a.crossPairs(func(r *mapping.Record) bool { return r.Stance != mapping.None }, func(src string, x, y *mapping.Record) {
		if x.Stance == y.Stance {
			return
		}
		shared, same := sharedFormula(x.Quotes.Target, y.Quotes.Target)
		if !same && len([]rune(textnorm.Fold(shared))) < minFormula {
			return
		}
		what := "the same quote"
		if !same {
			what = "quotes sharing “" + shared + "”"
		}
		a.add(Finding{
			Kind:    StanceConflict,
			IDs:     []string{src, x.TargetQID(), y.TargetQID()},
			Records: []*mapping.Record{x, y},
			Explanation: fmt.Sprintf("%s is %s with %s (“%s”) but %s with %s (“%s”): %s.",
				src, x.Stance, x.TargetQID(), x.Quotes.Target, y.Stance, y.TargetQID(), y.Quotes.Target, what),
			Action: "give both records the same stance, or dismiss saying why the contexts differ",
		})
	})
}

// MinQualifierWords is the shortest qualifier words, in folded characters,
// that the qualifier check looks for in another text: shorter spans (依法,
// 国情) are vocabulary that appears in many unrelated sentences.
const MinQualifierWords = 6

// qualifierConflicts reports two records of one GDC clause, in two
// documents, where the words that carry a qualifier of one also stand in the
// other's target clause but the other does not list that qualifier: the
// same words coded two ways, which the evolution report would show as a
// change of position that is only a change of coding.
func (a *auditor) qualifierConflicts() {
	a.crossPairs(func(r *mapping.Record) bool { return len(r.Qualifiers) > 0 }, func(src string, x, y *mapping.Record) {
		gaps := append(a.uncoded(x, y), a.uncoded(y, x)...)
		if len(gaps) == 0 {
			return
		}
		a.add(Finding{
			Kind:        QualifierConflict,
			IDs:         []string{src, x.TargetQID(), y.TargetQID()},
			Records:     []*mapping.Record{x, y},
			Explanation: src + ": " + strings.Join(gaps, "; ") + ".",
			Action:      "list the qualifier on both records, or dismiss saying why the words do not bite on the other pair",
		})
	})
}

// crossPairs calls visit for every two records that keep accepts, of one
// GDC clause and in two documents, GDC clauses in record order.
func (a *auditor) crossPairs(keep func(*mapping.Record) bool, visit func(src string, x, y *mapping.Record)) {
	bySource := map[string][]*mapping.Record{}
	var sources []string
	for _, r := range a.set.Records() {
		if !keep(r) {
			continue
		}
		if _, ok := bySource[r.SourceQID()]; !ok {
			sources = append(sources, r.SourceQID())
		}
		bySource[r.SourceQID()] = append(bySource[r.SourceQID()], r)
	}
	for _, src := range sources {
		rs := bySource[src]
		for i, x := range rs {
			for _, y := range rs[i+1:] {
				if x.TargetDoc != y.TargetDoc {
					visit(src, x, y)
				}
			}
		}
	}
}

// uncoded describes each qualifier of x whose words stand in y's target
// clause while y does not list the qualifier.
func (a *auditor) uncoded(x, y *mapping.Record) []string {
	cl, err := a.c.Resolve(y.TargetQID())
	if err != nil {
		return nil
	}
	text := textnorm.Fold(cl.Text)
	var out []string
	for _, q := range x.Qualifiers {
		w := textnorm.Fold(q.Words)
		if y.HasQualifier(q.Key) || len([]rune(w)) < MinQualifierWords || !strings.Contains(text, w) {
			continue
		}
		out = append(out, fmt.Sprintf("%s lists %s on “%s”, which %s also says, but %s → %s does not", x.TargetQID(), q.Key, q.Words, y.TargetQID(), y.SourceQID(), y.TargetQID()))
	}
	return out
}

// sharedFormula compares two quotes folded: same is true when they are
// equal, and shared is the longest run they have in common, as p spells it.
func sharedFormula(p, q string) (shared string, same bool) {
	pr, off := textnorm.FoldIndex(p)
	qr := []rune(textnorm.Fold(q))
	if string(pr) == string(qr) {
		return p, true
	}
	// Longest common substring by dynamic programming; quotes are short.
	best, end := 0, 0
	prev := make([]int, len(qr)+1)
	cur := make([]int, len(qr)+1)
	for i := 1; i <= len(pr); i++ {
		for j := 1; j <= len(qr); j++ {
			cur[j] = 0
			if pr[i-1] == qr[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best, end = cur[j], i
				}
			}
		}
		prev, cur = cur, prev
	}
	return p[off[end-best]:off[end]], false
}

// notes reports aligned records whose note matches the narrowing rule.
func (a *auditor) notes() {
	for _, r := range a.set.Records() {
		if r.Stance != mapping.Aligned {
			continue
		}
		hits := NarrowingCues(r.Note)
		if len(hits) == 0 {
			continue
		}
		var cues, sentences []string
		for _, h := range hits {
			if c := "“" + h.Cue + "”"; !contains(cues, c) {
				cues = append(cues, c)
			}
			if !contains(sentences, h.Sentence) {
				sentences = append(sentences, h.Sentence)
			}
		}
		a.add(Finding{
			Kind:    NoteContradicts,
			IDs:     []string{r.SourceQID(), r.TargetQID()},
			Records: []*mapping.Record{r},
			Explanation: fmt.Sprintf("aligned, but the note says the target is narrower (%s): %s",
				strings.Join(cues, ", "), strings.Join(sentences, " … ")),
			Action: "make the record partial, or reword the note; dismiss if the cue is about something else",
		})
	}
}

// unmapped reports proposals and principles of the Chinese texts that no
// GDC clause maps to.
func (a *auditor) unmapped() {
	targeted := map[string]bool{}
	for _, r := range a.set.Records() {
		if r.Stance != mapping.None {
			targeted[r.TargetQID()] = true
		}
	}
	for _, d := range a.c.Counterparts() {
		// A document without a mapping file was never reviewed.
		if _, ok := a.set.For(d.ID); !ok {
			continue
		}
		for i := range d.Clauses {
			cl := &d.Clauses[i]
			if !contains(UnmappedKinds, cl.Kind) || targeted[cl.QID()] {
				continue
			}
			a.add(Finding{
				Kind:        Unmapped,
				IDs:         []string{cl.QID()},
				Explanation: fmt.Sprintf("%s with no record from any GDC clause: %s", cl.Kind, cl.SummaryEn),
				Action:      "map it from a GDC clause, or dismiss: the GDC does not take it up",
			})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func staleFinding(e *Exception) Finding {
	return Finding{
		Kind:        StaleException,
		IDs:         e.IDs,
		Entry:       e,
		Explanation: fmt.Sprintf("the %s exception at %s:%d matches no finding (reason given: %s)", e.Kind, e.File, e.Line, e.Reason),
		Action:      "remove the entry, or correct its kind or IDs",
	}
}
