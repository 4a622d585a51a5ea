package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withoutPositionMapping is a copy of the data with the position paper's
// mapping file removed: nobody has reviewed the GDC against that paper.
func withoutPositionMapping(t *testing.T) string {
	t.Helper()
	dir := copyData(t)
	if err := os.Remove(filepath.Join(dir, "mappings", "cn-position-2024.yaml")); err != nil {
		t.Fatal(err)
	}
	return dir
}

const position = "cn-position-2024"

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	r := run(t, 100, false, args...)
	if r.err != nil {
		t.Fatalf("%v: %v\n%s", args, r.err, r.errOut)
	}
	return r.out
}

func readCSV(t *testing.T, out string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// A missing mapping file is a missing review, never a finding: every
// report shows "not reviewed", and nothing counts the paper as silent.
func TestMissingMappingIsNotReviewed(t *testing.T) {
	dir := withoutPositionMapping(t)
	data := []string{"--data", dir}

	t.Run("validate warns", func(t *testing.T) {
		r := run(t, 80, false, append(data, "validate")...)
		if r.err != nil || !strings.Contains(r.errOut, "warning: mappings/cn-position-2024.yaml: no mapping file") {
			t.Errorf("validate should pass with a warning about the paper: %v\n%s", r.err, r.errOut)
		}
	})

	t.Run("compare", func(t *testing.T) {
		var v struct {
			Rows []struct {
				Cells []struct{ Document, Stance, Coverage string }
			}
		}
		if err := json.Unmarshal([]byte(runOK(t, append(data, "compare", "--format", "json")...)), &v); err != nil {
			t.Fatal(err)
		}
		for _, r := range v.Rows {
			for _, c := range r.Cells {
				if c.Document == position && (c.Stance != "not-reviewed" || c.Coverage != "not-reviewed") {
					t.Fatalf("position cell is %s/%s, want not-reviewed", c.Stance, c.Coverage)
				}
				if c.Document != position && c.Coverage == "not-reviewed" {
					t.Fatalf("%s is reviewed completely", c.Document)
				}
			}
		}
		for _, row := range readCSV(t, runOK(t, append(data, "compare", "--format", "csv")...)) {
			if row["document"] == position && (row["pair_stance"] != "not-reviewed" || row["coverage"] != "not-reviewed") {
				t.Fatalf("CSV row %v", row)
			}
		}
		for _, row := range readCSV(t, runOK(t, append(data, "compare", "--format", "csv", "--wide")...)) {
			if row[position] != "not-reviewed" {
				t.Fatalf("wide CSV row %v", row)
			}
		}
		table := runOK(t, append(data, "compare", "--against", position)...)
		if strings.Contains(table, "·") || !strings.Contains(table, "? not reviewed yet") || !strings.Contains(table, "position has no mapping file") {
			t.Errorf("the table shows a silence or no not-reviewed legend:\n%s", table)
		}
		md := runOK(t, append(data, "compare", "--against", position, "--format", "md")...)
		if strings.Contains(md, "·") || !strings.Contains(md, "not reviewed") {
			t.Errorf("Markdown shows a silence:\n%.2000s", md)
		}
	})

	t.Run("stats", func(t *testing.T) {
		var v struct {
			PerDocument []struct {
				Document    string
				Scope       int      `json:"clauses_in_scope"`
				Silent      int      `json:"silent"`
				NotReviewed int      `json:"not_reviewed"`
				Score       *float64 `json:"alignment_score"`
			} `json:"per_document"`
		}
		if err := json.Unmarshal([]byte(runOK(t, append(data, "stats", "--format", "json")...)), &v); err != nil {
			t.Fatal(err)
		}
		for _, c := range v.PerDocument {
			if c.Document != position {
				if c.NotReviewed != 0 || c.Score == nil {
					t.Errorf("%s: %+v", c.Document, c)
				}
				continue
			}
			if c.Scope != 0 || c.Silent != 0 || c.NotReviewed != 152 || c.Score != nil {
				t.Errorf("position: in scope %d, silent %d, not reviewed %d, score %v; want 0, 0, 152, null", c.Scope, c.Silent, c.NotReviewed, c.Score)
			}
		}
		for _, row := range readCSV(t, runOK(t, append(data, "stats", "--format", "csv")...)) {
			if row["document"] == position && (row["silent"] != "0" || row["alignment_score"] != "" || row["not_reviewed"] == "0") {
				t.Errorf("CSV row %v", row)
			}
		}
		table := runOK(t, append(data, "stats")...)
		if !strings.Contains(table, "Not reviewed") || !strings.Contains(table, "n/a") {
			t.Errorf("the table does not say the paper is not reviewed:\n%s", table)
		}
	})

	t.Run("show", func(t *testing.T) {
		var v struct {
			Counterparts []struct{ Document, Mapping, Coverage string }
		}
		if err := json.Unmarshal([]byte(runOK(t, append(data, "show", "29d", "--format", "json")...)), &v); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range v.Counterparts {
			if c.Document == position {
				found = true
				if c.Mapping != "none" || c.Coverage != "not-reviewed" {
					t.Errorf("position in show: %+v", c)
				}
			}
		}
		if !found {
			t.Error("show leaves the position paper out")
		}
		for _, args := range [][]string{{"show", "29d"}, {"show", position + ":2.4.3"}} {
			out := runOK(t, append(data, args...)...)
			if !strings.Contains(out, "Not reviewed: no mapping file maps the GDC onto cn-position-2024") {
				t.Errorf("%v does not say the paper is not reviewed:\n%s", args, out)
			}
		}
	})

	t.Run("gaps", func(t *testing.T) {
		var v struct {
			Coverage []struct{ Document, Mapping string }
			Silences []struct {
				Clauses []struct {
					Clause        string
					SilentIn      []string `json:"silent_in"`
					NotReviewedIn []string `json:"not_reviewed_in"`
				}
			} `json:"gdc_silences"`
			Unmapped []struct {
				Clauses []struct{ ID string }
			} `json:"unmapped_counterpart_clauses"`
		}
		if err := json.Unmarshal([]byte(runOK(t, append(data, "gaps", "--format", "json")...)), &v); err != nil {
			t.Fatal(err)
		}
		for _, grp := range v.Silences {
			for _, c := range grp.Clauses {
				if strings.Contains(strings.Join(c.SilentIn, " "), position) {
					t.Fatalf("%s is silent in the unreviewed paper", c.Clause)
				}
				if len(c.NotReviewedIn) != 1 || c.NotReviewedIn[0] != position {
					t.Fatalf("%s: not_reviewed_in %v", c.Clause, c.NotReviewedIn)
				}
			}
		}
		for _, grp := range v.Unmapped {
			for _, c := range grp.Clauses {
				if strings.HasPrefix(c.ID, position+":") {
					t.Fatalf("%s listed as unmapped, but nobody reviewed the paper", c.ID)
				}
			}
		}
		for _, row := range readCSV(t, runOK(t, append(data, "gaps", "--format", "csv")...)) {
			if row["silent_in"] == position && row["coverage"] != "not-reviewed" {
				t.Fatalf("CSV row %v", row)
			}
		}
		table := runOK(t, append(data, "gaps", "--side", "gdc")...)
		if !strings.Contains(table, "? position") || !strings.Contains(table, "position has no mapping file") {
			t.Errorf("the gaps table does not say the paper is not reviewed:\n%.3000s", table)
		}
	})

	t.Run("export", func(t *testing.T) {
		var v struct {
			Documents []struct{ ID, Mapping string }
		}
		if err := json.Unmarshal([]byte(runOK(t, append(data, "export", "--format", "json")...)), &v); err != nil {
			t.Fatal(err)
		}
		for _, d := range v.Documents {
			want := "complete"
			switch d.ID {
			case "gdc":
				want = "reference"
			case position:
				want = "none"
			}
			if d.Mapping != want {
				t.Errorf("export: %s mapping %q, want %q", d.ID, d.Mapping, want)
			}
		}
		var o struct {
			Collection struct {
				Provenance struct {
					Status string
					Props  []struct{ Name, Value string }
				}
				Mappings []struct {
					TargetResource struct {
						Props []struct{ Name, Value string }
					} `json:"target-resource"`
				}
			} `json:"mapping-collection"`
		}
		out := runOK(t, append(data, "export", "--format", "oscal")...)
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		p := o.Collection.Provenance
		if p.Status != "not-complete" || len(p.Props) != 1 || p.Props[0].Name != "not-reviewed" || p.Props[0].Value != position {
			t.Errorf("OSCAL provenance does not name the unreviewed paper: %+v", p)
		}
		if len(o.Collection.Mappings) != 3 {
			t.Errorf("OSCAL has %d mappings, want 3", len(o.Collection.Mappings))
		}
		validateOSCAL(t, out)
	})

	t.Run("principles", func(t *testing.T) {
		for _, row := range readCSV(t, runOK(t, append(data, "principles", "--format", "csv")...)) {
			if row["document"] == position && row["stance"] != "not-reviewed" {
				t.Fatalf("CSV row %v", row)
			}
		}
	})
}

// A draft decides the clauses it has records or silence entries for: those
// show their records or a reviewed silence, every other clause is not
// reviewed.
func TestDraftMappingCoversListedClauses(t *testing.T) {
	dir := copyData(t)
	path := filepath.Join(dir, "mappings", "cn-speech-2014.yaml")
	// Keep the records of GDC 1 and 2 only, and silence entries for 3 and 4.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	cut := strings.Index(s, "  - source: \"3\"")
	if cut < 0 {
		t.Fatal("no record for GDC 3")
	}
	s = strings.Replace(s[:cut], "\nstatus: complete\n", "\nstatus: draft\n", 1) +
		"silences:\n  - sources: [\"3\", \"4\"]\n    nearest: \"pre.3\"\n    note: \"A test silence.\"\n"
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, 80, false, "--data", dir, "validate")
	if r.err != nil || !strings.Contains(r.errOut, "draft: 4 of 152 mapped GDC clauses decided against cn-speech-2014") {
		t.Fatalf("validate: %v\n%s", r.err, r.errOut)
	}
	var v struct {
		Rows []struct {
			Clause string
			Cells  []struct{ Document, Stance, Coverage string }
		}
	}
	if err := json.Unmarshal([]byte(runOK(t, "--data", dir, "compare", "--format", "json", "--against", "cn-speech-2014")), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"gdc:1": "counterpart", "gdc:2": "counterpart", "gdc:3": "reviewed-silence", "gdc:4": "reviewed-silence", "gdc:5": "not-reviewed"}
	for _, r := range v.Rows {
		if w, ok := want[r.Clause]; ok && r.Cells[0].Coverage != w {
			t.Errorf("%s: coverage %s, want %s", r.Clause, r.Cells[0].Coverage, w)
		}
	}

	// A silence entry for a clause that has records is refused, with its line.
	edit(t, path, `sources: ["3", "4"]`, `sources: ["2", "3", "4"]`)
	r = run(t, 80, false, "--data", dir, "validate")
	if r.err == nil || !strings.Contains(r.errOut, `silences[0].sources[0]: gdc:2 has records in this file`) {
		t.Errorf("validate: %v\n%s", r.err, r.errOut)
	}
	// A complete file names the clauses it leaves undecided.
	edit(t, path, "\nstatus: draft\n", "\nstatus: complete\n")
	edit(t, path, `sources: ["2", "3", "4"]`, `sources: ["3", "4"]`)
	r = run(t, 80, false, "--data", dir, "validate")
	if r.err == nil || !strings.Contains(r.errOut, "status complete, but 148 gdc clauses are undecided") || !strings.Contains(r.errOut, ": 5, 6, 7(1),") {
		t.Errorf("validate: %v\n%s", r.err, r.errOut)
	}
}

// Without the GDC there is nothing to compare with: a clear error, no panic.
func TestMissingReferenceDocument(t *testing.T) {
	dir := copyData(t)
	if err := os.Remove(filepath.Join(dir, "documents", "gdc.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate"}, {"compare"}, {"stats"}, {"show", "29d"}} {
		r := run(t, 80, false, append([]string{"--data", dir}, args...)...)
		msg := r.errOut + r.errString()
		if r.err == nil || !strings.Contains(msg, "documents/gdc.yaml: missing: the Global Digital Compact") {
			t.Errorf("%v: %v\n%s", args, r.err, r.errOut)
		}
	}
}
