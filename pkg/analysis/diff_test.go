package analysis_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
)

type seg = analysis.Segment

const (
	eq  = analysis.Equal
	del = analysis.Delete
	ins = analysis.Insert
)

func TestDiff(t *testing.T) {
	cases := []struct {
		name   string
		a, b   string
		minRun int
		want   []seg
	}{
		{"empty", "", "", 0, nil},
		{"insert all", "", "合作", 0, []seg{{ins, "", "合作"}}},
		{"delete all", "合作", "", 0, []seg{{del, "合作", ""}}},
		{"across scripts", "數字鴻溝", "数字鸿沟", 0, []seg{{eq, "數字鴻溝", "数字鸿沟"}}},
		{"full width", "ＡＢＣ合作", "abc合作", 0, []seg{{eq, "ＡＢＣ合作", "abc合作"}}},
		{"insertion", "加强合作。", "加强国际合作。", 0, []seg{{eq, "加强", "加强"}, {ins, "", "国际"}, {eq, "合作。", "合作。"}}},
		{"sentence replaced", "甲乙丙丁。戊己庚辛。", "甲乙丙丁。子丑寅卯。", 0,
			[]seg{{eq, "甲乙丙丁。", "甲乙丙丁。"}, {del, "戊己庚辛", ""}, {ins, "", "子丑寅卯"}, {eq, "。", "。"}}},
		{"sentence deleted", "一。二。三。", "一。三。", 0, []seg{{eq, "一。", "一。"}, {del, "二。", ""}, {eq, "三。", "三。"}}},
		{"short equality absorbed", "我们的目标和任务", "他们的计划和方法", 0,
			[]seg{{del, "我", ""}, {ins, "", "他"}, {eq, "们的", "们的"}, {del, "目标和任务", ""}, {ins, "", "计划和方法"}}},
		{"minRun keeps equality", "我们的目标和任务", "他们的计划和方法", 1,
			[]seg{{del, "我", ""}, {ins, "", "他"}, {eq, "们的", "们的"}, {del, "目标", ""}, {ins, "", "计划"}, {eq, "和", "和"}, {del, "任务", ""}, {ins, "", "方法"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := analysis.Diff(tc.a, tc.b, analysis.DiffOptions{MinRun: tc.minRun})
			if !reflect.DeepEqual(res.Segments, tc.want) {
				t.Errorf("Diff(%q, %q) =\n%v\nwant\n%v", tc.a, tc.b, res.Segments, tc.want)
			}
			if res.TimedOut {
				t.Error("timed out")
			}
			checkReassembles(t, tc.a, tc.b, res)
		})
	}
}

func TestDiffSharedRuns(t *testing.T) {
	a := "加强关键信息基础设施保护。"
	b := "積極加強關鍵信息基礎設施保護合作。"
	res := analysis.Diff(a, b, analysis.DiffOptions{MinRun: 5})
	want := []analysis.Run{{A: "加强关键信息基础设施保护", B: "加強關鍵信息基礎設施保護", Len: 12}}
	if !reflect.DeepEqual(res.SharedRuns, want) {
		t.Errorf("SharedRuns = %v, want %v", res.SharedRuns, want)
	}
	if res.ShareA != 12.0/13 || res.ShareB != 12.0/17 {
		t.Errorf("shares = %v, %v; want 12/13, 12/17", res.ShareA, res.ShareB)
	}
	// The trailing 。 is equal too, but shorter than MinRun.
	if res := analysis.Diff(a, b, analysis.DiffOptions{MinRun: 13}); len(res.SharedRuns) != 0 || res.ShareA != 0 {
		t.Errorf("MinRun 13: runs %v, share %v", res.SharedRuns, res.ShareA)
	}
}

func TestDiffReportsTimeout(t *testing.T) {
	a, b := strings.Repeat("甲乙丙。", 50), strings.Repeat("乙丙丁。", 50)
	res := analysis.Diff(a, b, analysis.DiffOptions{Timeout: time.Nanosecond})
	if !res.TimedOut {
		t.Error("TimedOut not set with a 1ns budget")
	}
	checkReassembles(t, a, b, res)
	if res := analysis.Diff(a, b, analysis.DiffOptions{}); res.TimedOut {
		t.Error("TimedOut set with the default budget")
	}
}

func TestDiffRealClauses(t *testing.T) {
	c := embedded(t)
	// The 2014 speech is in Traditional script, the GDC in Simplified.
	a, b := clause(t, c, "cn-speech-2014:2.3"), clause(t, c, "gdc:10")
	res := analysis.Diff(a.Text, b.Text, analysis.DiffOptions{MinRun: 12})
	checkReassembles(t, a.Text, b.Text, res)
	found := false
	for _, r := range res.SharedRuns {
		found = found || strings.Contains(r.A, "各國政府和其他利益攸關方") && strings.Contains(r.B, "各国政府和其他利益攸关方")
	}
	if !found {
		t.Errorf("shared runs %v lack 各國政府和其他利益攸關方", res.SharedRuns)
	}
}

// checkReassembles checks that the segments give back both texts exactly.
func checkReassembles(t *testing.T, a, b string, res analysis.DiffResult) {
	t.Helper()
	var ga, gb strings.Builder
	for _, s := range res.Segments {
		switch {
		case s.Op == del && s.B != "", s.Op == ins && s.A != "":
			t.Fatalf("%v segment with text on the wrong side: %+v", s.Op, s)
		case s.A == "" && s.B == "":
			t.Fatalf("empty segment %+v", s)
		}
		ga.WriteString(s.A)
		gb.WriteString(s.B)
	}
	if ga.String() != a || gb.String() != b {
		t.Fatalf("segments reassemble to %q / %q, want %q / %q", ga.String(), gb.String(), a, b)
	}
	if res.ShareA < 0 || res.ShareA > 1 || res.ShareB < 0 || res.ShareB > 1 {
		t.Fatalf("shares out of range: %v %v", res.ShareA, res.ShareB)
	}
}

// FuzzDiff: Diff must not panic, and its segments must give back both
// inputs byte for byte, invalid UTF-8 included.
func FuzzDiff(f *testing.F) {
	f.Add("數字鴻溝。加强合作！", "数字鸿沟。加强国际合作?", 0)
	f.Add("aﬁb\u0301。", "AFIB。", 2)
	f.Add("\xff\xfe;", "", 1)
	f.Add("一。二。三。", "三。二。一。", 3)
	f.Fuzz(func(t *testing.T, a, b string, minRun int) {
		res := analysis.Diff(a, b, analysis.DiffOptions{MinRun: minRun % 20})
		checkReassembles(t, a, b, res)
	})
}

// A sentence both texts contain, at different places, is moved, not
// deleted and inserted.
func TestDiffMovedSentences(t *testing.T) {
	a, b := "甲乙丙丁戊。己庚辛壬癸。子丑寅卯。", "己庚辛壬癸。子丑寅卯。甲乙丙丁戊。"
	res := analysis.Diff(a, b, analysis.DiffOptions{MinRun: 4})
	checkReassembles(t, a, b, res)
	moved := 0
	for _, s := range res.Segments {
		if s.Op == del || s.Op == ins {
			t.Errorf("no sentence is only in one text, yet %+v", s)
		}
		if s.Op == analysis.Moved {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("the reordered sentence is not marked moved: %+v", res.Segments)
	}
	if res.ShareA != 1 || res.ShareB != 1 {
		t.Errorf("every character is shared, in some order: shares %v %v", res.ShareA, res.ShareB)
	}
}

// Diff and Lineage print the same share for a pair: one definition (the
// maximal shared runs in any order), checked on every lineage pair.
func TestDiffAndLineageAgree(t *testing.T) {
	c := embedded(t)
	pairs := analysis.Lineage(c.Docs, analysis.DefaultMinRun)
	if len(pairs) == 0 {
		t.Fatal("no lineage pairs in the corpus")
	}
	for _, p := range pairs {
		res := analysis.Diff(p.A.Text, p.B.Text, analysis.DiffOptions{MinRun: analysis.DefaultMinRun})
		if res.ShareA != p.ShareA || res.ShareB != p.ShareB {
			t.Errorf("%s ~ %s: diff shares %.3f/%.3f, lineage %.3f/%.3f", p.A.QID(), p.B.QID(), res.ShareA, res.ShareB, p.ShareA, p.ShareB)
		}
		if len(res.SharedRuns) != len(p.Runs) {
			t.Errorf("%s ~ %s: diff lists %d runs, lineage %d", p.A.QID(), p.B.QID(), len(res.SharedRuns), len(p.Runs))
		}
		seen := map[string]bool{}
		for _, r := range p.Runs {
			if seen[r.A] {
				t.Errorf("%s ~ %s: lineage lists %q twice", p.A.QID(), p.B.QID(), r.A)
			}
			seen[r.A] = true
		}
		// No sentence the other clause contains is shown as deleted.
		for _, s := range res.Segments {
			if s.Op == del {
				for _, sent := range analysis.Sentences(s.A) {
					core := strings.Trim(sent, "。，,;；：:！？ ")
					if len([]rune(core)) >= analysis.DefaultMinRun && strings.Contains(p.B.Text, core) {
						t.Errorf("%s ~ %s: %q is in B but shown as deleted", p.A.QID(), p.B.QID(), core)
					}
				}
			}
		}
	}
}
