package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// changeStances copies the data and turns n partial records, each the only
// record of its (GDC clause, document) pair, into divergent ones. It
// returns the directory and the changed pairs as "source target".
func changeStances(t *testing.T, n int) (string, map[string]bool) {
	t.Helper()
	ds, err := dataset.EmbeddedYAML()
	if err != nil {
		t.Fatal(err)
	}
	dir := copyData(t)
	changed := map[string]bool{}
	lines := map[string][]string{}
	for _, f := range ds.Mappings.Files {
		count := map[string]int{}
		for _, r := range f.Records {
			count[r.Source]++
		}
		for _, r := range f.Records {
			if len(changed) == n {
				break
			}
			if r.Stance != mapping.Partial || count[r.Source] != 1 {
				continue
			}
			path := filepath.Join(dir, "mappings", f.Target+".yaml")
			if lines[path] == nil {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				lines[path] = strings.Split(string(b), "\n")
			}
			ls := lines[path]
			for i := r.Line; i < len(ls); i++ { // r.Line is 1-based: ls[r.Line] is the record's second line
				if strings.TrimSpace(ls[i]) == "stance: partial" {
					ls[i] = strings.Replace(ls[i], "partial", "divergent", 1)
					break
				}
			}
			changed[r.SourceQID()+" "+r.TargetQID()] = true
		}
	}
	for path, ls := range lines {
		if err := os.WriteFile(path, []byte(strings.Join(ls, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(changed) != n {
		t.Fatalf("found %d records to change, want %d", len(changed), n)
	}
	return dir, changed
}

func TestAgreeFindsExactlyTheChangedStances(t *testing.T) {
	dir, changed := changeStances(t, 5)
	var v struct {
		Overall struct {
			Pairs      int      `json:"pairs_both_coded"`
			Agreements int      `json:"agreements"`
			Kappa      *float64 `json:"kappa"`
			Weighted   *float64 `json:"weighted_kappa"`
			Categories []string `json:"categories"`
			Confusion  [][]int  `json:"confusion"`
		} `json:"overall"`
		Disagreements []struct {
			Clause, Document, Stance string
			WithStance               string `json:"with_stance"`
			Records                  []struct{ Note string }
			WithRecords              []struct{ Note string } `json:"with_records"`
		}
		OnlyHere  []json.RawMessage `json:"records_only_here"`
		OnlyThere []json.RawMessage `json:"records_only_there"`
		Changed   []struct {
			Source, Target string
			Fields         []string
		} `json:"records_changed"`
	}
	if err := json.Unmarshal([]byte(runOK(t, "agree", "--with", dir, "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Disagreements) != 5 {
		t.Fatalf("%d disagreements, want 5", len(v.Disagreements))
	}
	for _, d := range v.Disagreements {
		var target string
		for k := range changed {
			if strings.HasPrefix(k, d.Clause+" "+d.Document+":") {
				target = k
			}
		}
		if target == "" || d.Stance != "partial" || d.WithStance != "divergent" || len(d.Records) != 1 || d.Records[0].Note == "" || d.WithRecords[0].Note == "" {
			t.Errorf("unexpected disagreement %+v", d)
		}
	}
	o := v.Overall
	if o.Pairs != 4*152 || o.Agreements != o.Pairs-5 {
		t.Errorf("pairs %d, agreements %d", o.Pairs, o.Agreements)
	}
	if o.Kappa == nil || *o.Kappa >= 1 || *o.Kappa <= 0.9 || o.Weighted == nil || *o.Weighted >= 1 {
		t.Errorf("κ %v, weighted %v: want below 1 (and high)", o.Kappa, o.Weighted)
	}
	// Confusion: rows here, columns there; partial is row 1, divergent column 2.
	if o.Categories[1] != "partial" || o.Categories[2] != "divergent" || o.Confusion[1][2] != 5 {
		t.Errorf("confusion %v over %v does not show the five partial→divergent", o.Confusion, o.Categories)
	}
	off := 0
	for i := range o.Confusion {
		for j := range o.Confusion[i] {
			if i != j {
				off += o.Confusion[i][j]
			}
		}
	}
	if off != 5 {
		t.Errorf("%d pairs off the diagonal, want 5", off)
	}
	if len(v.OnlyHere)+len(v.OnlyThere) != 0 || len(v.Changed) != 5 {
		t.Errorf("changelog: %d only here, %d only there, %d changed; want 0, 0, 5", len(v.OnlyHere), len(v.OnlyThere), len(v.Changed))
	}
	for _, c := range v.Changed {
		if !changed[c.Source+" "+c.Target] || strings.Join(c.Fields, ",") != "stance" {
			t.Errorf("changed record %+v", c)
		}
	}

	// The reconciliation sheet renders, with both notes side by side.
	md := runOK(t, "agree", "--with", dir, "--format", "md")
	checkRendered(t, "agree md", md)
	if !strings.Contains(md, "Disagreements (5)") || !strings.Contains(md, "| Here | There |") {
		t.Errorf("reconciliation sheet:\n%.3000s", md)
	}

	// Against itself: full agreement.
	if err := json.Unmarshal([]byte(runOK(t, "agree", "--with", copyData(t), "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Disagreements) != 0 || v.Overall.Kappa == nil || *v.Overall.Kappa != 1 {
		t.Errorf("a copy should agree fully: %d disagreements, κ %v", len(v.Disagreements), v.Overall.Kappa)
	}
}

// A second curator's draft covers a sample: only the pairs both coded count.
func TestAgreeWithADraftSample(t *testing.T) {
	dir := t.TempDir()
	err := os.WriteFile(filepath.Join(dir, "cn-speech-2014.yaml"), []byte(`source: gdc
target: cn-speech-2014
status: draft
method: human
version: "0.1.0"
reviewed: "2026-11-30"
silences:
  - sources: ["3"]
    note: "A test silence."
records:
  - source: "1"
    target: "pre.3"
    stance: divergent
    relationship: intersects-with
    rationale: semantic
    confidence: low
    theme: digital-cooperation
    note: "A test record."
    quotes:
      source: "数字技术正在急剧改变我们的世界"
      target: "全新的數字機遇"
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Documents []struct {
			Document  string
			Pairs     int `json:"pairs_both_coded"`
			OnlyHere  int `json:"clauses_reviewed_only_here"`
			OnlyThere int `json:"clauses_reviewed_only_there"`
		}
		Disagreements []struct{ Clause string }
	}
	if err := json.Unmarshal([]byte(runOK(t, "agree", "--with", dir, "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	for _, d := range v.Documents {
		if d.Document == "cn-speech-2014" && (d.Pairs != 2 || d.OnlyHere != 150 || d.OnlyThere != 0) {
			t.Errorf("speech: %+v", d)
		}
		if d.Document != "cn-speech-2014" && d.Pairs != 0 {
			t.Errorf("%s has no mapping there: %+v", d.Document, d)
		}
	}
	// gdc:1 is divergent there, gdc:3 silent there (partial here).
	if len(v.Disagreements) != 2 || v.Disagreements[0].Clause != "gdc:1" || v.Disagreements[1].Clause != "gdc:3" {
		t.Errorf("disagreements %+v", v.Disagreements)
	}
}

// mappings/AGREEMENT.md states what crosswalk agree computes for round 3
// against the data; this fails when a curation edit changes the figures,
// so the document is updated with them.
func TestAgreementRound3Figures(t *testing.T) {
	var v struct {
		Overall struct {
			Pairs      int      `json:"pairs_both_coded"`
			Agreements int      `json:"agreements"`
			Percent    float64  `json:"percent_agreement"`
			Kappa      *float64 `json:"kappa"`
			Weighted   *float64 `json:"weighted_kappa"`
		} `json:"overall"`
		OnlyHere  []json.RawMessage `json:"records_only_here"`
		OnlyThere []json.RawMessage `json:"records_only_there"`
		Changed   []json.RawMessage `json:"records_changed"`
	}
	out := runOK(t, "agree", "--with", filepath.Join("..", "..", "mappings", "agreement-round3"), "--format", "json")
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	o := v.Overall
	got := fmt.Sprintf("%d pairs both coded, %d agree (%.1f%%), κ %.2f, weighted κ %.2f; %d records in both sets, %d only in the records",
		o.Pairs, o.Agreements, o.Percent, *o.Kappa, *o.Weighted, len(v.Changed), len(v.OnlyHere))
	doc, err := os.ReadFile(filepath.Join("..", "..", "mappings", "AGREEMENT.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	if !strings.Contains(text, got) || !strings.Contains(text, fmt.Sprintf("%d only in the second curator's coding", len(v.OnlyThere))) {
		t.Errorf("mappings/AGREEMENT.md does not state what crosswalk agree computes now:\n  %s; %d only in the second curator's coding", got, len(v.OnlyThere))
	}
}

// mappings/AGREEMENT.md states the round-4 recall studies' figures as
// crosswalk agree computes them against the data; this fails when a
// curation edit changes them, so the document is updated with them.
func TestAgreementRound4Figures(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "mappings", "AGREEMENT.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	for _, study := range []string{"agreement-round4", "agreement-round4b"} {
		var v view.Agree
		out := runOK(t, "agree", "--with", filepath.Join("..", "..", "mappings", study), "--format", "json")
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		r := v.Overall.Recall
		got := fmt.Sprintf("%s: recall %d of %d counterparts (%.1f%%), %d of %d cells (%.1f%%); precision %d of %d (%.1f%%), cells %d of %d (%.1f%%)", study,
			r.Found, r.WithCounterparts, *r.Recall, r.CellsBoth, r.WithCells, *r.CellRecall, r.Found, r.Counterparts, *r.Precision, r.CellsBoth, r.Cells, *r.CellPrecision)
		if !strings.Contains(text, got) {
			t.Errorf("mappings/AGREEMENT.md does not state what crosswalk agree computes now:\n  %s", got)
		}
	}
}
