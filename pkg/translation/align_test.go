package translation_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/translation"
	"github.com/crosswalk-dev/crosswalk/pkg/translation/translationtest"
)

func gdc(t testing.TB) *corpus.Document {
	t.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := ds.Corpus.Reference()
	return d
}

// The fixture, the summaries numbered as the UN text is, aligns to every
// clause: 168 paragraphs and items, and the 6 footnotes.
func TestFixtureAlignsToEveryClause(t *testing.T) {
	d := gdc(t)
	lines, lineOf := translationtest.Fixture(d)
	r := translation.Align(d, translationtest.Text(lines))
	if len(r.Findings) > 0 {
		t.Fatalf("the clean fixture has findings:\n%v", r.Problems("gdc-en.txt"))
	}
	if r.Title != translationtest.Title {
		t.Errorf("title %q, want %q", r.Title, translationtest.Title)
	}
	body, notes := 0, 0
	for _, p := range r.Pieces {
		cl, ok := d.Clause(p.ID)
		if !ok {
			t.Fatalf("piece %s is no clause", p.ID)
		}
		if p.Text != cl.SummaryEn || p.Line != lineOf[p.ID] {
			t.Errorf("%s: line %d %q, want line %d %q", p.ID, p.Line, p.Text, lineOf[p.ID], cl.SummaryEn)
		}
		if cl.Kind == "footnote" {
			notes++
		} else {
			body++
		}
	}
	if body != 168 || notes != 6 || len(r.Gaps) != 0 {
		t.Errorf("%d paragraphs and items, %d footnotes, gaps %v; want 168, 6, none", body, notes, r.Gaps)
	}
	if r.Blocking(false) {
		t.Error("a clean alignment blocks writing")
	}
}

// damage edits the fixture's lines; at is the fixture's line of a clause.
type damage func(lines []string, at func(string) int) []string

func TestDamagedFixtures(t *testing.T) {
	d := gdc(t)
	cases := []struct {
		name   string
		damage damage
		// want is each finding as "LINE clause kind: start of message",
		// line numbers of the damaged file, computed from the fixture.
		want func(at func(string) int) []string
	}{
		{"a missing paragraph", func(l []string, at func(string) int) []string {
			return slices.Delete(l, at("29(c)")-1, at("29(c)"))
		}, func(at func(string) int) []string {
			// 29(d) moves up one line, to where 29(c) was.
			return []string{itoa(at("29(c)")) + " gdc:29(c) gap: no piece for 29(c): expected before 29(d)"}
		}},
		{"a merged pair", func(l []string, at func(string) int) []string {
			l[at("29(c)")-1] += " " + l[at("29(d)")-1]
			return slices.Delete(l, at("29(d)")-1, at("29(d)"))
		}, func(at func(string) int) []string {
			return []string{itoa(at("30")-1) + " gdc:29(d) gap: no piece for 29(d): expected before 30; it may be merged into 29(c) (line " + itoa(at("29(c)")) + ")"}
		}},
		{"a swapped order", func(l []string, at func(string) int) []string {
			l[at("72")-1], l[at("73")-1] = l[at("73")-1], l[at("72")-1]
			return l
		}, func(at func(string) int) []string {
			return []string{itoa(at("73")) + " gdc:72 error: numbering goes backwards: 72 comes after 73 (line " + itoa(at("72")) + ")"}
		}},
		{"a stray page header", func(l []string, at func(string) int) []string {
			return slices.Insert(l, at("40"), "24-27221    17/29")
		}, func(at func(string) int) []string {
			return []string{itoa(at("40")+1) + "  error: stray line \"24-27221    17/29\" looks like a page header"}
		}},
		{"a running header", func(l []string, at func(string) int) []string {
			return slices.Insert(l, at("12"), "Global Digital Compact (test fixture from crosswalk's summaries)")
		}, func(at func(string) int) []string {
			return []string{itoa(at("12")+1) + "  error: stray line"}
		}},
		{"a footnote marker glued to a word", func(l []string, at func(string) int) []string {
			l[at("5")-1] = strings.Replace(l[at("5")-1], "international law,", "international law1,", 1)
			return l
		}, func(at func(string) int) []string {
			return []string{itoa(at("5")) + " gdc:5 warning: a footnote marker seems glued to a word (\"law1\")"}
		}},
		{"a piece with no clause", func(l []string, at func(string) int) []string {
			return slices.Insert(l, at("74"), "75. A paragraph the GDC does not have.")
		}, func(at func(string) int) []string {
			return []string{itoa(at("74")+1) + " gdc:75 error: a piece with no clause: gdc has no clause 75"}
		}},
		{"an implausibly long piece", func(l []string, at func(string) int) []string {
			l[at("10")-1] += strings.Repeat(" and much more text that the original does not have", 80)
			return l
		}, func(at func(string) int) []string {
			return []string{itoa(at("10")) + " gdc:10 warning: 10 is implausibly long against the original"}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, lineOf := translationtest.Fixture(d)
			at := func(id string) int { return lineOf[id] }
			damaged := c.damage(slices.Clone(lines), at)
			r := translation.Align(d, translationtest.Text(damaged))
			var got []string
			for _, f := range r.Findings {
				got = append(got, itoa(f.Line)+" "+f.Clause+" "+[]string{"error", "gap", "warning"}[f.Kind]+": "+f.Msg)
			}
			want := c.want(at)
			if len(got) != len(want) {
				t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for i := range want {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("finding %d:\n got %s\nwant %s…", i, got[i], want[i])
				}
			}
		})
	}
}

// Gaps block writing unless allowed; errors always; warnings never.
func TestBlocking(t *testing.T) {
	for _, c := range []struct {
		kinds           []int
		strict, lenient bool
	}{
		{nil, false, false},
		{[]int{translation.Warning}, false, false},
		{[]int{translation.Gap}, true, false},
		{[]int{translation.Gap, translation.Error}, true, true},
	} {
		r := &translation.Result{}
		for _, k := range c.kinds {
			r.Findings = append(r.Findings, translation.Finding{Kind: k})
		}
		if r.Blocking(false) != c.strict || r.Blocking(true) != c.lenient {
			t.Errorf("kinds %v: blocking %v/%v, want %v/%v", c.kinds, r.Blocking(false), r.Blocking(true), c.strict, c.lenient)
		}
	}
}

// Explicit IDs and dotted section numbers align a Chinese paper.
func TestExplicitAndDottedMarkers(t *testing.T) {
	ds, _ := dataset.Embedded()
	d, _ := ds.Corpus.Doc("cn-position-2024")
	var b strings.Builder
	b.WriteString("China's Positions on Global Digital Governance\n\n")
	for i := range d.Clauses {
		cl := &d.Clauses[i]
		if strings.Count(cl.ID, ".") >= 2 && cl.ID[0] >= '0' && cl.ID[0] <= '9' {
			b.WriteString(cl.ID + " " + cl.SummaryEn + "\n")
		} else {
			b.WriteString("[" + cl.ID + "] " + cl.SummaryEn + "\n")
		}
	}
	r := translation.Align(d, b.String())
	if len(r.Findings) > 0 || len(r.Pieces) != len(d.Clauses) {
		t.Fatalf("%d pieces of %d clauses; findings:\n%v", len(r.Pieces), len(d.Clauses), r.Problems("position-en.md"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
