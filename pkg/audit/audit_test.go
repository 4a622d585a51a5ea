package audit

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// fixture is testdata/audit; its YAML comments say which record seeds
// which finding.
func fixture(t *testing.T) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.FromDir("../../testdata/audit")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func keys(r *Result) []string {
	var out []string
	for i := range r.Findings {
		out = append(out, r.Findings[i].Key())
	}
	return out
}

func find(r *Result, k Kind, ids ...string) *Finding {
	for i := range r.Findings {
		if f := &r.Findings[i]; f.Key() == key(k, ids) {
			return f
		}
	}
	return nil
}

func TestFindingsOnFixture(t *testing.T) {
	ds := fixture(t)
	r := Run(ds.Corpus, ds.Mappings, nil, Options{})
	want := []struct {
		kind Kind
		ids  []string
		why  string
	}{
		{ReusePropagation, []string{"gdc:2", "cn-old:1", "cn-new:1"}, "the quote 共同保护关键信息基础设施 lies in the run cn-new:1 repeats; no gdc:2 → cn-new:1 record"},
		{StanceConflict, []string{"gdc:1", "cn-old:5", "cn-new:3"}, "both quote 弥合数字鸿沟, aligned vs partial"},
		{StanceConflict, []string{"gdc:3", "cn-old:4", "cn-new:2"}, "各国应促进数据依法有序自由流动 contains the 12-character 促进数据依法有序自由流动, partial vs aligned"},
		{NoteContradicts, []string{"gdc:2", "cn-old:1"}, "aligned, note: the paper omits resilience"},
		{Unmapped, []string{"cn-old:2"}, "a principle with no record"},
	}
	var wantKeys []string
	for _, w := range want {
		wantKeys = append(wantKeys, key(w.kind, w.ids))
		f := find(r, w.kind, w.ids...)
		if f == nil {
			t.Errorf("missing %s %v (%s)", w.kind, w.ids, w.why)
			continue
		}
		if !reflect.DeepEqual(f.IDs, w.ids) {
			t.Errorf("%s: IDs in order %v, want %v", w.kind, f.IDs, w.ids)
		}
		if f.Excused != nil || f.Explanation == "" || f.Action == "" {
			t.Errorf("%s %v: excused %v, explanation %q, action %q", w.kind, w.ids, f.Excused, f.Explanation, f.Action)
		}
	}
	// Everything else in the fixture is a near miss: gdc:3 is mapped to both
	// sides of the run cn-old:4/cn-new:2; gdc:4's quotes share only 7
	// characters; the other aligned notes mask or aim their cues at the GDC;
	// cn-old:3 is practice.
	if got := keys(r); !reflect.DeepEqual(got, wantKeys) {
		t.Errorf("findings (in report order):\n got %q\nwant %q", got, wantKeys)
	}
	if r.Open() != len(want) {
		t.Errorf("Open() = %d, want %d", r.Open(), len(want))
	}
}

func TestThresholds(t *testing.T) {
	ds := fixture(t)
	// gdc:4's quotes 尊重和保障人权 / 尊重和保障人权,依法管理 share 7 characters.
	r := Run(ds.Corpus, ds.Mappings, nil, Options{MinFormula: 7})
	if find(r, StanceConflict, "gdc:4", "cn-old:6", "cn-new:4") == nil {
		t.Errorf("with --min-formula 7 the shared 尊重和保障人权 should count: %q", keys(r))
	}
	// The reused run between cn-old:1 and cn-new:1 is 24 characters long.
	r = Run(ds.Corpus, ds.Mappings, nil, Options{MinRun: 25})
	if find(r, ReusePropagation, "gdc:2", "cn-old:1", "cn-new:1") != nil {
		t.Errorf("a 24-character run is shorter than --min-run 25")
	}
}

func TestExceptionsDismissAndGoStale(t *testing.T) {
	ds := fixture(t)
	base := Run(ds.Corpus, ds.Mappings, nil, Options{})
	for _, f := range base.Findings {
		t.Run(string(f.Kind)+" "+strings.Join(f.IDs, " "), func(t *testing.T) {
			// Exceptions name IDs in any order.
			ids := append([]string(nil), f.IDs...)
			ids[0], ids[len(ids)-1] = ids[len(ids)-1], ids[0]
			e := Exception{Kind: f.Kind, IDs: ids, Reason: "checked", File: "x.yaml", Line: 3}
			r := Run(ds.Corpus, ds.Mappings, []Exception{e}, Options{})
			got := find(r, f.Kind, f.IDs...)
			if got == nil || got.Excused == nil || got.Excused.Reason != "checked" {
				t.Fatalf("the exception did not dismiss the finding: %+v", got)
			}
			if r.Open() != base.Open()-1 || len(r.Findings) != len(base.Findings) {
				t.Errorf("open %d of %d, want %d of %d", r.Open(), len(r.Findings), base.Open()-1, len(base.Findings))
			}
		})
	}
	// cn-old:3 is practice, so no unmapped finding names it.
	stale := Exception{Kind: Unmapped, IDs: []string{"cn-old:3"}, Reason: "old", File: "mappings/audit-exceptions.yaml", Line: 7}
	r := Run(ds.Corpus, ds.Mappings, []Exception{stale}, Options{})
	f := find(r, StaleException, "cn-old:3")
	if f == nil || f.Entry == nil || f.Excused != nil {
		t.Fatalf("a stale exception should be an open finding: %q", keys(r))
	}
	if !strings.Contains(f.Explanation, "mappings/audit-exceptions.yaml:7") {
		t.Errorf("the stale finding should say where the entry is: %s", f.Explanation)
	}
	if r.Open() != base.Open()+1 {
		t.Errorf("open = %d, want %d", r.Open(), base.Open()+1)
	}
}

func TestFixtureExceptionsFile(t *testing.T) {
	ds := fixture(t)
	exc, probs := LoadExceptions(os.DirFS("../../testdata/audit/mappings"), "mappings", ds.Corpus)
	if probs != nil {
		t.Fatal(probs)
	}
	r := Run(ds.Corpus, ds.Mappings, exc, Options{})
	if f := find(r, Unmapped, "cn-old:2"); f == nil || f.Excused == nil || f.Excused.Line != 3 {
		t.Errorf("the fixture's exception (line 3) should excuse cn-old:2: %+v", f)
	}
	if exc, probs := LoadExceptions(os.DirFS(t.TempDir()), "mappings", ds.Corpus); exc != nil || probs != nil {
		t.Errorf("a missing exceptions file means none: %v %v", exc, probs)
	}
}

func TestParseExceptionsProblems(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown field", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"cn-old:2\"]\n    reason: x\n    why: y\n",
			"f.yaml:5: exceptions[0].why: unknown field; the fields here are ids, kind, reason, reviewed"},
		{"text for a list", "exceptions:\n  - kind: unmapped-clause\n    ids: cn-old:2\n    reason: x\n",
			`f.yaml:3: exceptions[0].ids: expected a list, found the text "cn-old:2"`},
		{"missing reason", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"cn-old:2\"]\n",
			"f.yaml:2: exceptions[0].reason: an exception needs a reason"},
		{"unknown kind", "exceptions:\n  - kind: unmaped-clause\n    ids: [\"cn-old:2\"]\n    reason: x\n",
			`f.yaml:2: exceptions[0].kind: kind "unmaped-clause" is not one of reuse-propagation, stance-conflict, qualifier-conflict, note-contradicts-stance, unmapped-clause (did you mean "unmapped-clause"?)`},
		{"stale is not excusable", "exceptions:\n  - kind: stale-exception\n    ids: [\"cn-old:2\"]\n    reason: x\n",
			`exceptions[0].kind: kind "stale-exception" is not one of`},
		{"wrong number of ids", "exceptions:\n  - kind: note-contradicts-stance\n    ids: [\"gdc:2\"]\n    reason: x\n",
			"f.yaml:3: exceptions[0].ids: a note-contradicts-stance finding is identified by 2 clause IDs, not 1"},
		{"bare id", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"2\"]\n    reason: x\n",
			`f.yaml:3: exceptions[0].ids[0]: clause ID "2" must be fully qualified, like gdc:23(d)`},
		{"unknown clause", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"cn-old:9\"]\n    reason: x\n",
			`f.yaml:3: exceptions[0].ids[0]: unknown clause "cn-old:9"`},
		{"bad date", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"cn-old:2\"]\n    reason: x\n    reviewed: 29.11.2026\n",
			`f.yaml:5: exceptions[0].reviewed: reviewed "29.11.2026" must be a date YYYY-MM-DD`},
		{"duplicate", "exceptions:\n  - kind: unmapped-clause\n    ids: [\"cn-old:2\"]\n    reason: x\n  - kind: unmapped-clause\n    ids: [\"cn-old:2\"]\n    reason: y\n",
			"f.yaml:6: exceptions[1].ids: duplicate exception (first at line 2)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exc, probs := ParseExceptions("f.yaml", []byte(c.yaml), ds.Corpus)
			if exc != nil || probs == nil {
				t.Fatalf("accepted: %+v", exc)
			}
			if !strings.Contains(probs.Error(), c.want) {
				t.Errorf("got %q\nwant it to contain %q", probs.Error(), c.want)
			}
		})
	}
}

func TestNarrowingCues(t *testing.T) {
	cases := []struct {
		note string
		want []string
	}{
		{"Both protect it, but the paper omits resilience.", []string{"omits"}},
		{"The GDC is narrower than the paper.", nil},
		{"The GDC also names X, which the paper does not.", []string{"does not"}},
		{"The target leaves out nothing the GDC clause names and is not only about flows.", nil},
		{"Both respect rights without condition. The speech speaks only of states.", []string{"only"}},
		{"It lacks nothing; it ONLY covers data.", []string{"only"}},
		{"", nil},
	}
	for _, c := range cases {
		var got []string
		for _, h := range NarrowingCues(c.note) {
			got = append(got, h.Cue)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("NarrowingCues(%q) = %q, want %q", c.note, got, c.want)
		}
	}
}

// The same words carrying a qualifier in one text's record and standing
// uncoded in another text's record of the same GDC clause are a finding,
// named once for the pair, both ways; words shorter than
// MinQualifierWords, or a record that lists the key, are not.
func TestQualifierConflicts(t *testing.T) {
	ds := fixture(t)
	rec := func(doc, tgt string, qs ...mapping.Qualifier) mapping.Record {
		return mapping.Record{Source: "3", Target: tgt, Stance: mapping.Partial, SourceDoc: "gdc", TargetDoc: doc, Qualifiers: qs}
	}
	set := &mapping.Set{Files: []*mapping.File{
		{Source: "gdc", Target: "cn-old", Records: []mapping.Record{
			rec("cn-old", "4", mapping.Qualifier{Key: "domestic-law", Words: "促进数据依法有序自由流动"}, mapping.Qualifier{Key: "state-management", Words: "依法有序"}),
		}},
		{Source: "gdc", Target: "cn-new", Records: []mapping.Record{
			rec("cn-new", "2", mapping.Qualifier{Key: "security-condition", Words: "各国应促进数据依法有序自由流动"}),
		}},
	}}
	r := Run(ds.Corpus, set, nil, Options{})
	f := find(r, QualifierConflict, "gdc:3", "cn-old:4", "cn-new:2")
	if f == nil {
		t.Fatalf("no qualifier conflict for gdc:3 (cn-old:4 domestic-law on words cn-new:2 repeats); findings: %v", keys(r))
	}
	for _, want := range []string{"cn-old:4 lists domestic-law", "cn-new:2 lists security-condition"} {
		if !strings.Contains(f.Explanation, want) {
			t.Errorf("explanation lacks %q: %s", want, f.Explanation)
		}
	}
	if strings.Contains(f.Explanation, "state-management") {
		t.Errorf("依法有序 is four characters, vocabulary rather than evidence: %s", f.Explanation)
	}
	// Listing the key on both records settles it.
	set.Files[1].Records[0].Qualifiers = append(set.Files[1].Records[0].Qualifiers, mapping.Qualifier{Key: "domestic-law", Words: "依法有序自由流动"})
	set.Files[0].Records[0].Qualifiers = append(set.Files[0].Records[0].Qualifiers, mapping.Qualifier{Key: "security-condition", Words: "促进数据依法有序自由流动"})
	if f := find(Run(ds.Corpus, set, nil, Options{}), QualifierConflict, "gdc:3", "cn-old:4", "cn-new:2"); f != nil {
		t.Errorf("both records list both keys, still a finding: %s", f.Explanation)
	}
}
