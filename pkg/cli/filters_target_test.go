package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
)

// --target position:2.6 selects the records whose Chinese clause is 2.6 or
// lies under it, implies --against the paper and says so in the report.
func TestTargetSelectsASection(t *testing.T) {
	r := run(t, 100, false, "pairs", "--target", "position:2.6", "--format", "json")
	if r.err != nil {
		t.Fatal(r.err, r.errOut)
	}
	var out struct {
		Filters compare.Filter `json:"filters"`
		Groups  []struct {
			Pairs []struct{ Source, Target string } `json:"pairs"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out.Filters.Targets, []string{"cn-position-2024:2.6"}) || !slices.Equal(out.Filters.Against, []string{"cn-position-2024"}) {
		t.Errorf("filters = %+v, want targets [cn-position-2024:2.6] and against [cn-position-2024]", out.Filters)
	}
	var pairs []string
	for _, g := range out.Groups {
		for _, p := range g.Pairs {
			if !strings.HasPrefix(p.Target, "cn-position-2024:2.6.") {
				t.Errorf("%s→%s is not under 2.6", p.Source, p.Target)
			}
			pairs = append(pairs, p.Source+"→"+p.Target)
		}
	}
	if !slices.Contains(pairs, "gdc:23(a)→cn-position-2024:2.6.2") {
		t.Errorf("the divergence 23(a)→2.6.2 is missing: %v", pairs)
	}
	for _, report := range []string{"compare", "divergences", "gaps", "principles", "stats"} {
		r := run(t, 100, false, report, "--target", "position:2.6", "--format", "md")
		if r.err != nil || !strings.Contains(r.out, "target cn-position-2024:2.6") {
			t.Errorf("%s --target: %v; its Filters line should name the target:\n%s", report, r.err, firstLines(r.out, 6))
		}
	}
	// Every compare row has a record under 2.6.
	r = run(t, 100, false, "compare", "--target", "position:2.6", "--format", "csv")
	rows := map[string]bool{}
	for _, row := range readCSV(t, r.out) {
		rows[row["gdc_clause"]] = rows[row["gdc_clause"]] || strings.HasPrefix(row["counterpart"], "cn-position-2024:2.6.")
	}
	for id, ok := range rows {
		if !ok {
			t.Errorf("compare --target kept %s, which has no record under 2.6", id)
		}
	}
}

// A section ends at a dot: 2.6 holds 2.6.1 and never 2.61.
func TestTargetMatchesAtADot(t *testing.T) {
	for _, c := range []struct {
		qid  string
		want bool
	}{{"d:2.6", true}, {"d:2.6.1", true}, {"d:2.61", false}, {"d:2.6x", false}, {"e:2.6.1", false}} {
		if got := compare.Under(c.qid, "d:2.6"); got != c.want {
			t.Errorf("Under(%s, d:2.6) = %v", c.qid, got)
		}
	}
	// The fixture's paper has 2.4.1; 2.4 selects it, 2.41 is unknown.
	r := run(t, 100, false, "--data", fixture, "divergences", "--target", "cn-position-2024:2.4", "--format", "csv")
	if r.err != nil || !strings.Contains(r.out, "cn-position-2024:2.4.1") {
		t.Errorf("--target cn-position-2024:2.4 misses 2.4.1: %v\n%s", r.err, r.out)
	}
}

// An unknown clause or section is a usage error naming the nearest clause;
// so is a target in a document --against leaves out, or a GDC clause.
func TestTargetUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--target", "position:2.61"}, `did you mean "cn-position-2024:2.6.1"?`},
		{[]string{"pairs", "--target", "2.6"}, "in several documents"},
		{[]string{"pairs", "--target", "gdc:29"}, "GDC clause"},
		{[]string{"pairs", "--target", "position:2.6", "--against", "whitepaper"}, "--against leaves out"},
	} {
		r := run(t, 80, false, c.args...)
		if !IsUsage(r.err) || r.out != "" || !strings.Contains(r.err.Error(), c.want) {
			t.Errorf("%v: %v (usage %v), stdout %q; want a usage error saying %q", c.args, r.err, IsUsage(r.err), r.out, c.want)
		}
	}
}

// gaps --in-all with a document nobody reviewed counts over the others and
// says so in the heading, not only in a footer.
func TestGapsInAllWithAnUnreviewedDocument(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"documents", "documents/source", "mappings"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		ents, err := os.ReadDir(filepath.Join(fixture, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.IsDir() || e.Name() == "cn-speech-2014.yaml" && sub == "mappings" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(fixture, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	r := run(t, 200, false, "--data", dir, "gaps", "--side", "gdc", "--in-all", "--format", "md")
	if r.err != nil {
		t.Fatal(r.err, r.errOut)
	}
	head := ""
	for _, l := range strings.Split(r.out, "\n") {
		if strings.HasPrefix(l, "## GDC clauses") {
			head = l
		}
	}
	if !strings.Contains(head, "silent in every reviewed document (1 of 2; cn-speech-2014 not reviewed)") || strings.Contains(head, "(0)") {
		t.Errorf("heading %q should say the speech is not reviewed and count the paper's silences", head)
	}
	// The same question on the full fixture lists fewer clauses: only those
	// silent in both.
	all := run(t, 200, false, "--data", fixture, "gaps", "--side", "gdc", "--in-all", "--format", "csv")
	one := run(t, 200, false, "--data", dir, "gaps", "--side", "gdc", "--in-all", "--format", "csv")
	if len(readCSV(t, one.out)) == 0 || len(readCSV(t, all.out)) == 0 {
		t.Errorf("--in-all found nothing: %d rows with the speech unreviewed, %d on the full fixture", len(readCSV(t, one.out)), len(readCSV(t, all.out)))
	}
}

// theme is the record's theme in every CSV; a report that groups names its
// grouping theme group_theme. English columns follow --lang, and the
// column count is the same on every row.
func TestCSVThemeColumnsAndLanguage(t *testing.T) {
	for _, c := range []struct {
		report, lang, header string
	}{
		{"divergences", "both", "group_theme,source,target,document,date,stance,relationship,confidence,theme,note,quote_source,quote_target,source_text,target_text,qualifiers,qualifier_words,source_en,target_en"},
		{"divergences", "zh", "group_theme,source,target,document,date,stance,relationship,confidence,theme,note,quote_source,quote_target,source_text,target_text,qualifiers,qualifier_words"},
		{"gaps", "en", "side,clause,kind,group_theme,text,summary_en,silent_in,theme,notable_silence_note,coverage,silence_note,nearest"},
		{"gaps", "zh", "side,clause,kind,group_theme,text,silent_in,theme,notable_silence_note,coverage,silence_note,nearest"},
	} {
		r := run(t, 80, false, "--data", fixture, "--lang", c.lang, c.report, "--format", "csv", "--no-bom")
		if got := firstLine(r.out); got != c.header {
			t.Errorf("%s --lang %s header\n got %s\nwant %s", c.report, c.lang, got, c.header)
		}
	}
	r := run(t, 80, false, "--data", fixture, "divergences", "--format", "csv")
	for _, row := range readCSV(t, r.out) {
		if row["source"] == "gdc:23(a)" && row["target"] == "cn-speech-2014:1.2.2" && (row["group_theme"] != "human-rights" || row["theme"] != "cyber-sovereignty") {
			t.Errorf("23(a)→speech 1.2.2 stands under human-rights and is a cyber-sovereignty record: %v", row)
		}
	}
}

// KWIC lines name the GDC clauses their clause is mapped to, and how the
// form matched: 跨境数据流动 finds the white paper's 数据跨境流动 reordered.
func TestKWICShowsMappedGDCClausesAndHow(t *testing.T) {
	r := run(t, 100, false, "terms", "跨境数据流动", "--kwic", "--doc", "whitepaper", "--format", "csv")
	rows := readCSV(t, r.out)
	if len(rows) != 1 || rows[0]["match"] != "数据跨境流动" || rows[0]["how"] != "reordered" || rows[0]["form"] != "数据跨境流动" {
		t.Fatalf("white paper hits = %v, want 数据跨境流动 reordered", rows)
	}
	if gdc := strings.Fields(rows[0]["gdc_clauses"]); !slices.Contains(gdc, "gdc:46") {
		t.Errorf("gdc_clauses = %v, want the data-flow clauses (gdc:46 among them)", gdc)
	}
	r = run(t, 100, false, "terms", "跨境数据流动", "--kwic", "--doc", "whitepaper", "--format", "json")
	var out struct {
		Counts []struct {
			Forms []struct{ Form, How string } `json:"forms"`
		} `json:"counts"`
		KWIC []struct {
			GDC []string `json:"gdc_clauses"`
			How string   `json:"how"`
		} `json:"kwic"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.KWIC) != 1 || len(out.KWIC[0].GDC) == 0 || out.KWIC[0].How != "reordered" || len(out.Counts) != 1 || len(out.Counts[0].Forms) != 1 || out.Counts[0].Forms[0].How != "reordered" {
		t.Errorf("JSON should carry the GDC clauses and how each form matched: %+v", out)
	}
	md := run(t, 100, false, "terms", "跨境数据流动", "--kwic", "--doc", "whitepaper", "--format", "md").out
	if !strings.Contains(md, "→ gdc:") || !strings.Contains(md, "数据跨境流动 (reordered)") {
		t.Errorf("Markdown KWIC should show → gdc:… and the reordered form:\n%s", md)
	}
}
