package view

import (
	"fmt"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Diff compares the wording of two clauses.
type Diff struct {
	dataHeader
	A          Clause        `json:"a"`
	B          Clause        `json:"b"`
	MinRun     int           `json:"min_run"`
	Segments   []DiffSegment `json:"segments"`
	SharedRuns []SharedRun   `json:"shared_runs"`
	ShareA     float64       `json:"share_a"`
	ShareB     float64       `json:"share_b"`
	TimedOut   bool          `json:"timed_out"`

	a, b    *corpus.Clause
	timeout time.Duration
}

// DiffSegment is one piece of the diff: equal, delete (only in A), insert
// (only in B) or moved (in both, at different places), in the original texts.
type DiffSegment struct {
	Op string `json:"op"`
	A  string `json:"a,omitempty"`
	B  string `json:"b,omitempty"`
}

// SharedRun is a stretch of text two clauses share, as written in each;
// Len counts normalised characters.
type SharedRun struct {
	A   string `json:"a"`
	B   string `json:"b"`
	Len int    `json:"length"`
}

func sharedRuns(runs []analysis.Run) []SharedRun {
	out := []SharedRun{}
	for _, r := range runs {
		out = append(out, SharedRun{A: r.A, B: r.B, Len: r.Len})
	}
	return out
}

// NewDiff diffs clause a against clause b.
func NewDiff(c Context, a, b *corpus.Clause, opts analysis.DiffOptions) *Diff {
	res := analysis.Diff(a.Text, b.Text, opts)
	v := &Diff{dataHeader: c.dataHeader("diff"), A: NewClause(a), B: NewClause(b), MinRun: opts.MinRun, Segments: []DiffSegment{},
		SharedRuns: sharedRuns(res.SharedRuns), ShareA: res.ShareA, ShareB: res.ShareB, TimedOut: res.TimedOut, a: a, b: b, timeout: opts.Timeout}
	if v.timeout <= 0 {
		v.timeout = analysis.DefaultDiffTimeout
	}
	for _, s := range res.Segments {
		v.Segments = append(v.Segments, DiffSegment{Op: s.Op.String(), A: s.A, B: s.B})
	}
	return v
}

// Inline is A with the changes that make B: deletions and insertions
// marked, shared phrases of MinRun characters or more quoted.
func (v *Diff) Inline() report.Text {
	var t report.Text
	for _, s := range v.Segments {
		switch s.Op {
		case analysis.Delete.String():
			t = append(t, report.Seg{Text: s.A, Mark: report.MarkDelete})
		case analysis.Insert.String():
			t = append(t, report.Seg{Text: s.B, Mark: report.MarkInsert})
		case analysis.Moved.String():
			for _, x := range []string{s.A, s.B} {
				if x != "" {
					t = append(t, report.Seg{Text: x, Mark: report.MarkMoved})
				}
			}
		default:
			m := report.MarkNone
			if len([]rune(s.A)) >= v.MinRun {
				m = report.MarkQuote
			}
			t = append(t, report.Seg{Text: s.A, Mark: m})
		}
	}
	return t
}

// Doc shows the inline diff and the shared phrases.
func (v *Diff) Doc() *report.Doc {
	d := &report.Doc{
		Title:  fmt.Sprintf("Diff: %s → %s", v.A.ID, v.B.ID),
		Quoted: "a phrase both texts share",
		Meta: []report.Field{
			{Label: "A", Value: report.Plain(fmt.Sprintf("%s (%s, %s)", v.A.ID, v.a.Doc.Date, v.a.Doc.Language))},
			{Label: "B", Value: report.Plain(fmt.Sprintf("%s (%s, %s)", v.B.ID, v.b.Doc.Date, v.b.Doc.Language))},
			{Label: "Shared", Value: report.Plain(fmt.Sprintf("%.0f%% of A and %.0f%% of B in phrases of %d+ characters", 100*v.ShareA, 100*v.ShareB, v.MinRun))},
		},
		Notes: []string{"Matching ignores the difference between Traditional and Simplified script and full- and half-width forms; text is shown as written."},
	}
	if v.TimedOut {
		d.Meta = append(d.Meta, report.Field{Label: "Warning", Value: report.Marked(v.TimeoutNotice(), report.MarkDivergent)})
	}
	d.Blocks = append(d.Blocks, report.Heading{Text: "A with the changes that make B"}, report.Para{Text: v.Inline()},
		report.Heading{Text: fmt.Sprintf("Shared phrases of %d+ characters (%d)", v.MinRun, len(v.SharedRuns))})
	if len(v.SharedRuns) == 0 {
		d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("None.")})
		return d
	}
	// B's writing gets a column only when some run is written differently
	// there (Traditional against Simplified, full- against half-width).
	differs := false
	for _, r := range v.SharedRuns {
		differs = differs || r.B != r.A
	}
	t := table("Chars", "Shared phrase")
	if differs {
		t = table("Chars", "Shared phrase in A", "in B")
	}
	for _, r := range v.SharedRuns {
		if differs {
			t.Rows = append(t.Rows, row(itoa(r.Len), r.A, r.B))
		} else {
			t.Rows = append(t.Rows, row(itoa(r.Len), r.A))
		}
	}
	d.Blocks = append(d.Blocks, t)
	return d
}

// TimeoutNotice says what a timed-out diff means for the output.
func (v *Diff) TimeoutNotice() string {
	return fmt.Sprintf("the diff hit its %s time limit; some changed stretches are shown as replaced whole (raise --timeout)", v.timeout)
}

// Table is nil: a diff has no CSV form.
func (v *Diff) Table(bool) *report.Table { return nil }
