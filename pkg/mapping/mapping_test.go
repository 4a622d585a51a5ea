package mapping_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

func loadCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	themes, probs := corpus.LoadThemes(mappings.FS, "themes.yaml", "mappings/themes.yaml")
	if probs != nil {
		t.Fatal(probs)
	}
	c, probs := corpus.Load(documents.FS, "documents", themes)
	if probs != nil {
		t.Fatal(probs)
	}
	return c
}

const header = `source: gdc
target: cn-africa-2021
status: draft
method: human
version: "1.0.0"
reviewed: "2026-11-23"
records:
`

const good = `  - source: "27"
    target: "9"
    stance: divergent
    relationship: intersects-with
    rationale: semantic
    confidence: medium
    theme: internet-governance
    note: Multistakeholder governance against the UN as main channel.
    quotes:
      source: "互联网治理必须继续具有全球性和多利益攸关方性质"
      target: "发挥联合国在网络空间国际治理中的主渠道作用"
`

func load(t *testing.T, c *corpus.Corpus, body string) (*mapping.Set, string) {
	t.Helper()
	set, probs := mapping.Load(fstest.MapFS{"cn-africa-2021.yaml": {Data: []byte(body)}}, "mappings", c)
	if probs == nil {
		return set, ""
	}
	return set, probs.Error()
}

func TestLoadGoodRecord(t *testing.T) {
	c := loadCorpus(t)
	set, msg := load(t, c, header+good)
	if msg != "" {
		t.Fatal(msg)
	}
	r := set.Records()[0]
	if r.SourceQID() != "gdc:27" || r.TargetQID() != "cn-africa-2021:9" || r.Line != 8 {
		t.Errorf("record %s → %s at line %d", r.SourceQID(), r.TargetQID(), r.Line)
	}
}

// One test per class of malformed mapping: each names file, line and field.
func TestLoadRefusesMalformedMappings(t *testing.T) {
	c := loadCorpus(t)
	none := `  - source: "22"
    stance: none
    confidence: high
    theme: human-rights
    note: The initiative never mentions human rights.
    quotes:
      source: "我们承诺在数字空间尊重、保护和促进人权"
`
	cases := []struct{ name, body, want string }{
		{"mistyped source id", strings.Replace(good, `source: "27"`, `source: "27a"`, 1), `mappings/cn-africa-2021.yaml:8: records[0].source: unknown gdc clause "27a" (did you mean "27"?)`},
		{"mistyped target id", strings.Replace(good, `target: "9"`, `target: "19"`, 1), `mappings/cn-africa-2021.yaml:9: records[0].target: unknown cn-africa-2021 clause "19" (did you mean "1"?)`},
		{"non-verbatim quote", strings.Replace(good, "主渠道作用", "主导作用", 1), `mappings/cn-africa-2021.yaml:18: records[0].quotes.target: quote "发挥联合国在网络空间国际治理中的主导作用" is not verbatim in cn-africa-2021:9`},
		{"missing note", strings.Replace(good, "    note: Multistakeholder governance against the UN as main channel.\n", "", 1), `mappings/cn-africa-2021.yaml:8: records[0].note: a divergent record needs a note`},
		{"duplicate pair", good + good, `mappings/cn-africa-2021.yaml:19: records[1].source: duplicate pair 27 → cn-africa-2021:9 (first at line 8)`},
		{"closed vocabulary", strings.Replace(good, "stance: divergent", "stance: divergant", 1), `records[0].stance: stance "divergant" is not one of aligned, partial, divergent, none (did you mean "divergent"?)`},
		{"unknown theme", strings.Replace(good, "theme: internet-governance", "theme: internet", 1), `records[0].theme: unknown theme "internet"`},
		{"none with a target", strings.Replace(none, `  - source: "22"`, "  - source: \"22\"\n    target: \"1\"", 1), `records[0].target: a none record records a silence and must not name a target`},
		{"missing quote", strings.Replace(good, "      target: \"发挥联合国在网络空间国际治理中的主渠道作用\"\n", "", 1), `records[0].quotes.target: missing quotes.target`},
		{"unknown field", strings.Replace(good, "    theme:", "    colour: red\n    theme:", 1), `mappings/cn-africa-2021.yaml:14: records[0].colour: unknown field; the fields here are confidence, note,`},
		{"wrong type", strings.Replace(good, "stance: divergent", "stance: [divergent]", 1), `mappings/cn-africa-2021.yaml:10: records[0].stance: expected text, found a list`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, msg := load(t, c, header+tc.body)
			if set != nil {
				t.Fatal("malformed mapping accepted")
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", msg, tc.want)
			}
			if leak := diagtest.Leak(msg); leak != "" {
				t.Errorf("the message speaks of Go (%s):\n%s", leak, msg)
			}
		})
	}
	if _, msg := load(t, c, header+none); msg != "" {
		t.Errorf("a none record without target is valid: %s", msg)
	}
}

func TestShippedMappingsAreComplete(t *testing.T) {
	c := loadCorpus(t)
	set, probs := mapping.Load(mappings.FS, "mappings", c)
	if probs != nil {
		t.Fatal(probs)
	}
	if len(set.Files) != 4 {
		t.Fatalf("want 4 mapping files, got %d", len(set.Files))
	}
	for _, f := range set.Files {
		if f.Status != "complete" || f.Method != "human" {
			t.Errorf("%s: status %s, method %s", f.Path, f.Status, f.Method)
		}
		var counterparts int
		seen := map[string]bool{}
		for _, r := range f.Records {
			if r.Stance != mapping.None && !seen[r.Source] {
				seen[r.Source] = true
				counterparts++
			}
			if r.Stance != mapping.Aligned && len(r.Note) < 40 {
				t.Errorf("%s:%d: note too thin to say how the texts differ: %q", f.Path, r.Line, r.Note)
			}
		}
		t.Logf("%s: %d records, %d GDC clauses with a counterpart", f.Target, len(f.Records), counterparts)
	}
}

// FuzzLoad feeds a mapping file and a qualifier vocabulary (empty: none).
func FuzzLoad(f *testing.F) {
	c := loadCorpus(f)
	f.Add([]byte(header+good), []byte(""))
	f.Add([]byte(header), []byte(vocab))
	f.Add([]byte(header+partial+quals), []byte(vocab))
	f.Add([]byte("records: [{source: 1}]\n"), []byte("qualifiers: [{key: x}]\n"))
	f.Fuzz(func(t *testing.T, data, qualifiers []byte) {
		fsys := fstest.MapFS{"cn-africa-2021.yaml": {Data: data}}
		if len(qualifiers) > 0 {
			fsys["qualifiers.yaml"] = &fstest.MapFile{Data: qualifiers}
		}
		set, probs := mapping.Load(fsys, "mappings", c)
		if (set == nil) == (len(probs) == 0) {
			t.Fatalf("want exactly one of a set or problems")
		}
	})
}

// TestCurationGuideExamplesExist keeps the guide's worked examples true to
// the data: every "`SRC`→`DOC:TGT`" it cites must be a shipped record.
func TestCurationGuideExamplesExist(t *testing.T) {
	guide, err := mappings.FS.ReadFile("CURATION.md")
	if err != nil {
		t.Fatal(err)
	}
	set, probs := mapping.Load(mappings.FS, "mappings", loadCorpus(t))
	if probs != nil {
		t.Fatal(probs)
	}
	have := map[string]bool{}
	for _, r := range set.Records() {
		have[r.Source+"→"+r.TargetQID()] = true
	}
	re := regexp.MustCompile("`(?:gdc:)?([0-9]+(?:\\([a-z0-9]+\\))?)`\\s*→\\s*`(cn-[a-z]+-[0-9]{4}:[^`]+)`")
	found := re.FindAllStringSubmatch(string(guide), -1)
	if len(found) < 10 {
		t.Fatalf("found only %d cited records in the guide", len(found))
	}
	for _, m := range found {
		if !have[m[1]+"→"+m[2]] {
			t.Errorf("CURATION.md cites %s → %s, which is not a record", m[1], m[2])
		}
	}
}

// Silence entries: each malformed class names file, line and field, and a
// complete file must decide every mapped clause.
func TestLoadSilences(t *testing.T) {
	c := loadCorpus(t)
	silence := func(body string) string { return "silences:\n" + body }
	cases := []struct{ name, body, want string }{
		{"unknown clause", silence("  - sources: [\"27a\"]\n    note: x\n"), `silences[0].sources[0]: unknown gdc clause "27a" (did you mean "27"?)`},
		{"lead-in chapeau", silence("  - sources: [\"11\"]\n    note: x\n"), `silences[0].sources[0]: gdc:11 is a chapeau and is not mapped: leave it out`},
		{"clause with records", silence("  - sources: [\"27\"]\n    note: x\n"), `silences[0].sources[0]: gdc:27 has records in this file`},
		{"listed twice", silence("  - sources: [\"28\"]\n    note: x\n  - sources: [\"29(a)\", \"28\"]\n    note: y\n"), `silences[1].sources[1]: gdc:28 already has a silence entry`},
		{"unknown nearest", silence("  - sources: [\"28\"]\n    nearest: \"17\"\n    note: x\n"), `silences[0].nearest: unknown cn-africa-2021 clause "17"`},
		{"no note", silence("  - sources: [\"28\"]\n    nearest: \"10\"\n"), `silences[0].note: a silence entry needs a note`},
		{"no clause", silence("  - sources: []\n    note: x\n"), `silences[0].sources: a silence entry names the GDC clauses it decides`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, msg := load(t, c, header+good+tc.body)
			if set != nil || !strings.Contains(msg, tc.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", msg, tc.want)
			}
		})
	}
	set, msg := load(t, c, header+good+silence("  - sources: [\"28\", \"29(a)\"]\n    nearest: \"10\"\n    note: Item 10 backs the IGF's role but says nothing of these.\n"))
	if msg != "" {
		t.Fatal(msg)
	}
	if s, ok := set.Silence("cn-africa-2021", "29(a)"); !ok || s.NearestQID() != "cn-africa-2021:10" || s.Line != 20 {
		t.Errorf("silence for 29(a): %+v, %v", s, ok)
	}
	if !set.Covers("cn-africa-2021", "27") || set.Covers("cn-africa-2021", "29(b)") {
		t.Error("27 is decided by its record, 29(b) by nothing")
	}
	complete := strings.Replace(header, "status: draft", "status: complete", 1)
	_, msg = load(t, c, complete+good)
	if !strings.Contains(msg, "mappings/cn-africa-2021.yaml:3: status: status complete, but 151 gdc clauses are undecided") || !strings.Contains(msg, ": 1, 2, 3,") {
		t.Errorf("a complete file with undecided clauses: %s", msg)
	}
}

// AtLeast keeps the records at or above a confidence and turns a cell
// left without any into a silence that says the filter hid it.
func TestAtLeast(t *testing.T) {
	c := loadCorpus(t)
	low := strings.Replace(good, "confidence: medium", "confidence: low", 1)
	set, msg := load(t, c, header+low)
	if msg != "" {
		t.Fatal(msg)
	}
	for _, tc := range []struct {
		min     string
		records int
	}{{"low", 1}, {"medium", 0}, {"high", 0}} {
		got := set.AtLeast(tc.min)
		if n := len(got.Records()); n != tc.records {
			t.Errorf("--confidence %s: %d records, want %d", tc.min, n, tc.records)
		}
		s, silent := got.Silence("cn-africa-2021", "27")
		if silent != (tc.records == 0) || (silent && (s.Nearest != "9" || !strings.Contains(s.Note, "below "+tc.min))) {
			t.Errorf("--confidence %s: silence %+v, %v", tc.min, s, silent)
		}
	}
	if len(set.Records()) != 1 {
		t.Error("AtLeast changed the set it was called on")
	}
}
