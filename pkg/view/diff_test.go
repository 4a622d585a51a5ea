package view

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// TestDiffMarksInsertsAndDeletes diffs the first pair of clauses that
// lineage finds sharing text with edits on both sides: A reassembles from
// the inline text without insertions, and the doc marks both kinds of edit.
func TestDiffMarksInsertsAndDeletes(t *testing.T) {
	c := anaContext(t)
	pairs := analysis.Lineage(c.Data.Corpus.Docs, analysis.DefaultMinRun)
	if len(pairs) == 0 {
		t.Fatal("the data has no reused formulation to diff")
	}
	var tested bool
	for _, p := range pairs {
		if p.A.Text == p.B.Text {
			continue
		}
		v := NewDiff(c, p.A, p.B, analysis.DiffOptions{MinRun: 4})
		if v.A.ID != p.A.QID() || v.B.ID != p.B.QID() || v.A.ID == v.B.ID {
			t.Fatalf("diff of %s and %s names %s and %s", p.A.QID(), p.B.QID(), v.A.ID, v.B.ID)
		}
		var a strings.Builder
		for _, s := range v.Inline() {
			if s.Mark != report.MarkInsert {
				a.WriteString(s.Text)
			}
		}
		if a.String() != p.A.Text {
			t.Errorf("%s: the inline diff without insertions is not A", v.A.ID)
		}
		m := anaMarks(v.Inline())
		if m[report.MarkInsert] == 0 || m[report.MarkDelete] == 0 {
			continue // an edit on one side only; look for a pair with both
		}
		var para report.Text
		for _, blk := range v.Doc().Blocks {
			if p, ok := blk.(report.Para); ok {
				para = append(para, p.Text...)
			}
		}
		pm := anaMarks(para)
		if pm[report.MarkInsert] == 0 || pm[report.MarkDelete] == 0 {
			t.Errorf("%s → %s: the doc has no insert/delete segments", v.A.ID, v.B.ID)
		}
		if strings.Contains(para.String(), "{+") || strings.Contains(para.String(), "[-") {
			t.Errorf("the view must not draw diff markers itself: %q", para.String())
		}
		if len(v.SharedRuns) == 0 || v.ShareA <= 0 || v.ShareB <= 0 {
			t.Errorf("%s → %s share a run but the diff lists none", v.A.ID, v.B.ID)
		}
		if v.Table(false) != nil {
			t.Error("diff has no CSV form")
		}
		tested = true
		break
	}
	if !tested {
		t.Fatal("no pair of clauses with both insertions and deletions")
	}
}

// TestDiffSegmentsRebuildBothTexts checks the JSON segments reassemble
// each side.
func TestDiffSegmentsRebuildBothTexts(t *testing.T) {
	c := anaContext(t)
	ref, _ := c.Data.Corpus.Reference()
	other := c.Data.Corpus.Counterparts()[0]
	a, b := &ref.Clauses[0], &other.Clauses[0]
	v := NewDiff(c, a, b, analysis.DiffOptions{MinRun: 4})
	var ta, tb strings.Builder
	for _, s := range v.Segments {
		switch s.Op {
		case analysis.Equal.String():
			ta.WriteString(s.A)
			tb.WriteString(s.B)
		case analysis.Delete.String():
			ta.WriteString(s.A)
		case analysis.Insert.String():
			tb.WriteString(s.B)
		default:
			t.Fatalf("unknown op %q", s.Op)
		}
	}
	if ta.String() != a.Text || tb.String() != b.Text {
		t.Errorf("segments do not rebuild %s and %s", a.QID(), b.QID())
	}
}

func TestDiffTimeoutNoticeNamesTheLimit(t *testing.T) {
	c := anaContext(t)
	ref, _ := c.Data.Corpus.Reference()
	v := NewDiff(c, &ref.Clauses[0], &ref.Clauses[1], analysis.DiffOptions{MinRun: 4})
	if !strings.Contains(v.TimeoutNotice(), analysis.DefaultDiffTimeout.String()) {
		t.Errorf("notice %q does not name the default limit", v.TimeoutNotice())
	}
}
