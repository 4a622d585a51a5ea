package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// --confidence is the lowest confidence a report counts: compare shows no
// link below it, a cell left with none reads as a silence that says why,
// stats says which records it counts, and a value outside the vocabulary
// is a usage error.
func TestConfidenceFilter(t *testing.T) {
	type cell struct {
		Document, Stance, Coverage string
		Counterparts               []struct{ Clause, Confidence string }
		Silence                    *struct {
			Nearest *string
			Note    string
		}
	}
	var all, sure struct {
		Filters struct{ Confidence string }
		Rows    []struct {
			Clause string
			Cells  []cell
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "compare", "--format", "json")), &all); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(runOK(t, "compare", "--confidence", "medium", "--format", "json")), &sure); err != nil {
		t.Fatal(err)
	}
	if sure.Filters.Confidence != "medium" || len(sure.Rows) != len(all.Rows) {
		t.Fatalf("filters %+v, %d rows of %d", sure.Filters, len(sure.Rows), len(all.Rows))
	}
	low, hidden := 0, 0
	for i, r := range all.Rows {
		for j, c := range r.Cells {
			s := sure.Rows[i].Cells[j]
			kept := 0
			for _, cp := range c.Counterparts {
				if cp.Confidence == "low" {
					low++
				} else {
					kept++
				}
			}
			for _, cp := range s.Counterparts {
				if cp.Confidence == "low" {
					t.Errorf("%s → %s: a low link under --confidence medium", r.Clause, cp.Clause)
				}
			}
			if len(s.Counterparts) != kept {
				t.Errorf("%s %s: %d links kept, want %d", r.Clause, c.Document, len(s.Counterparts), kept)
			}
			if len(c.Counterparts) > 0 && kept == 0 {
				hidden++
				if s.Stance != "silent" || s.Silence == nil || !strings.Contains(s.Silence.Note, "confidence filter") || s.Silence.Nearest == nil {
					t.Errorf("%s %s: a cell of low links only should read as hidden by the filter: %+v", r.Clause, c.Document, s)
				}
			}
		}
	}
	if low == 0 || hidden == 0 {
		t.Fatalf("the data should have low links (%d) and cells of low links only (%d)", low, hidden)
	}
	if out := runOK(t, "stats", "--confidence", "high"); !strings.Contains(out, "Counts only records of confidence high or higher") {
		t.Errorf("stats should say which records it counts:\n%s", out)
	}
	if out := runOK(t, "stats"); !strings.Contains(out, "thin links (low) included") {
		t.Errorf("stats should say it counts every confidence:\n%s", out)
	}
	r := run(t, 80, false, "compare", "--confidence", "sure")
	if r.err == nil || r.out != "" || !strings.Contains(r.errString(), `"sure"`) {
		t.Errorf("a bad --confidence is a usage error: %v %q", r.err, r.out)
	}
}

// --stance selects records: a cell whose pair stance is partial but which
// holds an aligned record shows for --stance aligned, so every aligned
// record of the data is in the aligned view. --against takes short names.
func TestStanceFilterSelectsRecords(t *testing.T) {
	var export struct {
		Mappings []struct{ Source, Target, Stance string }
	}
	if err := json.Unmarshal([]byte(runOK(t, "export", "--format", "json")), &export); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Rows []struct {
			Clause string
			Cells  []struct {
				Counterparts []struct{ Clause, Stance string }
			}
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "compare", "--stance", "aligned", "--format", "json")), &v); err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, r := range v.Rows {
		for _, c := range r.Cells {
			for _, cp := range c.Counterparts {
				shown[r.Clause+" "+cp.Clause] = true
			}
		}
	}
	aligned := 0
	for _, m := range export.Mappings {
		if m.Stance == "aligned" {
			aligned++
			if !shown[m.Source+" "+m.Target] {
				t.Errorf("--stance aligned hides %s → %s", m.Source, m.Target)
			}
		}
	}
	if aligned == 0 {
		t.Fatal("the data should have aligned records")
	}
	short, long := runOK(t, "stats", "--against", "position", "--format", "json"), runOK(t, "stats", "--against", "cn-position-2024", "--format", "json")
	if short != long {
		t.Error("--against position should mean --against cn-position-2024")
	}
}
