package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

// qualifiers counts what the records say: each count equals the records of
// that document listing the key, the records behind it are listed with the
// target's words, and --qualifier narrows every report to those records.
func TestQualifiersReport(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]int{} // (key, doc) → records
	base := map[string]int{}
	for _, r := range ds.Mappings.Records() {
		if r.Stance != "partial" && r.Stance != "divergent" {
			continue
		}
		base[r.TargetDoc]++
		for _, q := range r.Qualifiers {
			want[[2]string{q.Key, r.TargetDoc}]++
		}
	}
	var v struct {
		Documents []struct {
			Document, Date string
			Records        int
		}
		Qualifiers []struct {
			Key    string
			Counts []struct {
				Document string
				Count    int
				Share    *float64
				Records  []struct{ Source, Target, Words string }
			}
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "qualifiers", "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Qualifiers) != len(ds.Mappings.Qualifiers) || len(v.Documents) != 4 {
		t.Fatalf("%d qualifiers, %d documents", len(v.Qualifiers), len(v.Documents))
	}
	for i := 1; i < len(v.Documents); i++ {
		if v.Documents[i-1].Date > v.Documents[i].Date {
			t.Errorf("documents not in date order: %+v", v.Documents)
		}
	}
	total := 0
	for _, q := range v.Qualifiers {
		for _, c := range q.Counts {
			total += c.Count
			if c.Count != want[[2]string{q.Key, c.Document}] || len(c.Records) != c.Count {
				t.Errorf("%s in %s: count %d, %d records listed, data has %d", q.Key, c.Document, c.Count, len(c.Records), want[[2]string{q.Key, c.Document}])
			}
			for _, r := range c.Records {
				if cl, err := ds.Corpus.Resolve(r.Target); err != nil || !strings.Contains(cl.Text, r.Words) {
					t.Errorf("%s → %s: words %q not in the target", r.Source, r.Target, r.Words)
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no qualifier counted")
	}
	for _, d := range v.Documents {
		if d.Records != base[d.Document] {
			t.Errorf("%s: %d qualified records, data has %d", d.Document, d.Records, base[d.Document])
		}
	}

	// --qualifier on pairs keeps exactly the records that list the key.
	var p struct {
		Groups []struct {
			Pairs []struct {
				Source, Target string
				Qualifiers     []struct{ Key string }
			}
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "pairs", "--qualifier", "sovereignty-precondition", "--format", "json")), &p); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range p.Groups {
		for _, pr := range g.Pairs {
			n++
			found := false
			for _, q := range pr.Qualifiers {
				found = found || q.Key == "sovereignty-precondition"
			}
			if !found {
				t.Errorf("%s → %s passed --qualifier sovereignty-precondition without it", pr.Source, pr.Target)
			}
		}
	}
	sov := 0
	for k, c := range want {
		if k[0] == "sovereignty-precondition" {
			sov += c
		}
	}
	if n != sov {
		t.Errorf("pairs --qualifier sovereignty-precondition: %d records, data has %d", n, sov)
	}
	md := runOK(t, "pairs", "--qualifier", "sovereignty-precondition", "--against", "africa", "--format", "md")
	if !strings.Contains(md, "**Qualifiers:** Sovereignty precondition (") {
		t.Errorf("pairs Markdown does not name the qualifier in words:\n%.600s", md)
	}

	// The CSV opens with one column count; the wide form has a count and a
	// share per document.
	for _, args := range [][]string{{"qualifiers", "--format", "csv"}, {"qualifiers", "--format", "csv", "--wide"}, {"pairs", "--format", "csv"}} {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(runOK(t, args...), "\ufeff"))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("%v: %v, %d rows", args, err, len(rows))
		}
	}

	errOut := runFails(t, 2, "qualifiers", "--qualifier", "sovereignty")
	if !strings.Contains(errOut, `unknown --qualifier "sovereignty"`) || !strings.Contains(errOut, "sovereignty-precondition") {
		t.Errorf("a mistyped qualifier should be named with a suggestion:\n%s", errOut)
	}
}

// evolution follows GDC 27 from the speech (2014) to the position paper
// (2024) in date order, with the evidence in each text's own script, and
// marks the step where the stance changed.
func TestEvolution(t *testing.T) {
	var v struct {
		Clauses []struct {
			Clause struct{ ID string }
			Steps  []struct {
				Document, Date, Stance string
				StanceChanged          bool `json:"stance_changed"`
				Records                []struct{ Target string }
			}
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "evolution", "27", "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Clauses) != 1 || v.Clauses[0].Clause.ID != "gdc:27" || len(v.Clauses[0].Steps) != 4 {
		t.Fatalf("evolution 27: %+v", v.Clauses)
	}
	steps := v.Clauses[0].Steps
	if steps[0].Document != "cn-speech-2014" || steps[3].Document != "cn-position-2024" {
		t.Errorf("not oldest first: %s … %s", steps[0].Document, steps[3].Document)
	}
	for i, s := range steps {
		changed := i > 0 && s.Stance != steps[i-1].Stance
		if s.StanceChanged != changed {
			t.Errorf("%s: stance %s after %s, stance_changed %v", s.Document, s.Stance, steps[max(i-1, 0)].Stance, s.StanceChanged)
		}
	}
	if steps[3].Stance != "divergent" || len(steps[0].Records) == 0 {
		t.Errorf("2024 stance %s, 2014 records %d", steps[3].Stance, len(steps[0].Records))
	}
	// The speech is quoted in Traditional script, as written.
	md := runOK(t, "evolution", "27", "--format", "md")
	if !strings.Contains(md, "遵循多邊、民主、透明的原則") {
		t.Error("the 2014 evidence should be quoted in the speech's Traditional script")
	}
	errOut := runFails(t, 2, "evolution", "position:1.4")
	if !strings.Contains(errOut, "not a mapped GDC clause") {
		t.Errorf("evolution of a Chinese clause should say it follows GDC clauses:\n%s", errOut)
	}
	// Several clauses open with a stance count per text; --changed keeps
	// only the clauses that change.
	all := runOK(t, "evolution", "--theme", "governance", "--format", "json")
	changed := runOK(t, "evolution", "--theme", "governance", "--changed", "--format", "json")
	if len(changed) >= len(all) || !strings.Contains(changed, `"changed": true`) || strings.Contains(changed, `"changed": false`) {
		t.Error("--changed should keep only the clauses that change")
	}
	// A moved position is two texts taking the clause up with different
	// stances; a text first taking it up (silent → partial) is not one.
	if err := json.Unmarshal([]byte(changed), &v); err != nil {
		t.Fatal(err)
	}
	found27 := false
	for _, c := range v.Clauses {
		found27 = found27 || c.Clause.ID == "gdc:27"
		stances := map[string]bool{}
		for _, s := range c.Steps {
			if s.Stance != "silent" && s.Stance != "not-reviewed" {
				stances[s.Stance] = true
			}
		}
		if len(stances) < 2 {
			t.Errorf("%s is kept by --changed, but the texts that take it up share one stance", c.Clause.ID)
		}
	}
	if !found27 {
		t.Error("gdc:27 moves from partial (2014) to divergent (2024): --changed should keep it")
	}
}

// runFails runs a command that must fail with a usage error (code 2) or an
// error (code 1) and returns the error's text.
func runFails(t *testing.T, code int, args ...string) string {
	t.Helper()
	r := run(t, 100, false, args...)
	if r.err == nil {
		t.Fatalf("%v succeeded", args)
	}
	if IsUsage(r.err) != (code == 2) {
		t.Errorf("%v: usage error %v, want exit %d", args, IsUsage(r.err), code)
	}
	return r.err.Error() + r.errOut
}
