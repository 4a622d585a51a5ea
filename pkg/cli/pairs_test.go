package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// pairs answers "what does the 2024 paper say on AI": every record whose
// record, GDC clause or counterpart is about AI, with both quotes; its CSV
// has one column count; --stance silent brings the silences and their
// reasons; --by target groups under the Chinese clauses.
func TestPairs(t *testing.T) {
	out := runOK(t, "pairs", "--theme", "ai", "--against", "position", "--format", "md")
	for _, want := range []string{"## gdc:23(a)", "**cn-position-2024:2.6.2**", "divergent", "- **Evidence:**", "- **Note:**", "data version"} {
		if !strings.Contains(out, want) {
			t.Errorf("pairs --theme ai --against position lacks %q", want)
		}
	}
	if strings.Contains(out, "crosswalk show") {
		t.Error("briefing text should not tell the reader to run commands")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(runOK(t, "pairs", "--theme", "ai", "--against", "position", "--format", "csv"), "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	var v struct {
		By     string
		Groups []struct {
			Clause   struct{ ID string }
			Pairs    []struct{ Source, Target, Stance string }
			Silences []struct{ Source, Document, Note string }
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "pairs", "--stance", "silent", "--against", "speech", "--objective", "5", "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	silences := 0
	for _, g := range v.Groups {
		for _, p := range g.Pairs {
			if p.Stance != "none" {
				t.Errorf("--stance silent brought %s → %s (%s)", p.Source, p.Target, p.Stance)
			}
		}
		for _, s := range g.Silences {
			silences++
			if s.Document != "cn-speech-2014" || s.Note == "" || s.Source != g.Clause.ID {
				t.Errorf("silence %+v under %s", s, g.Clause.ID)
			}
		}
	}
	if silences == 0 {
		t.Error("the speech (2014) is silent on AI: --stance silent should list its silences")
	}
	if err := json.Unmarshal([]byte(runOK(t, "pairs", "--by", "target", "--against", "position", "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	if v.By != "target" || len(v.Groups) == 0 {
		t.Fatalf("--by target: %q, %d groups", v.By, len(v.Groups))
	}
	for _, g := range v.Groups {
		for _, p := range g.Pairs {
			if p.Target != g.Clause.ID {
				t.Errorf("%s → %s filed under %s", p.Source, p.Target, g.Clause.ID)
			}
		}
	}
}
