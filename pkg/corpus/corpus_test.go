package corpus_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/mappings"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
)

func embedded(t *testing.T) *corpus.Corpus {
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

func TestEmbeddedCorpusShape(t *testing.T) {
	c := embedded(t)
	if got := strings.Join(c.DocIDs(), " "); got != "gdc cn-speech-2014 cn-africa-2021 cn-whitepaper-2022 cn-position-2024" {
		t.Errorf("document order = %s", got)
	}
	gdc, _ := c.Reference()
	var paras, footnotes int
	for _, cl := range gdc.Clauses {
		if cl.Kind == "footnote" {
			footnotes++
		} else {
			paras++
		}
	}
	if paras != 168 || footnotes != 6 {
		t.Errorf("GDC has %d clauses and %d footnotes, want 168 and 6", paras, footnotes)
	}
	for _, id := range []string{"1", "7(1)", "7(5)", "8(a)", "8(m)", "29(d)", "56(b)", "74"} {
		if _, ok := gdc.Clause(id); !ok {
			t.Errorf("GDC clause %s missing", id)
		}
	}
}

// TestClausesAreVerbatimAndCoverSources is the fidelity check: every clause
// is a substring of its source (the loader refuses otherwise), and together
// the clauses account for nearly all of each source's Chinese text.
func TestClausesAreVerbatimAndCoverSources(t *testing.T) {
	c := embedded(t)
	for _, d := range c.Docs {
		src, err := fs.ReadFile(documents.FS, d.Source.File)
		if err != nil {
			t.Fatal(err)
		}
		cov := corpus.MeasureCoverage(d, string(src))
		t.Logf("%-20s %5d of %5d Han characters covered (%.2f%%)", d.ID, cov.Covered, cov.Total, 100*cov.Share())
		if cov.Share() < 0.97 {
			t.Errorf("%s: coverage %.2f%% is below 97%%", d.ID, 100*cov.Share())
		}
		for _, cl := range d.Clauses {
			if cl.SummaryEn == "" || cl.Kind == "" || len(cl.Themes) == 0 {
				t.Errorf("%s lacks a summary, kind or theme", cl.QID())
			}
		}
	}
}

func TestMeasureCoverageCountsOnlyUncoveredText(t *testing.T) {
	d := &corpus.Document{
		Title:   "标题",
		Source:  corpus.Source{Furniture: []string{"网站导航"}},
		Clauses: []corpus.Clause{{Text: "第一段。"}},
	}
	cov := corpus.MeasureCoverage(d, "网站导航\n标题\n第一段。\n漏掉了")
	// 标题 + 第一段 = 5 covered; 漏掉了 = 3 uncovered; furniture excluded.
	if cov.Covered != 5 || cov.Total != 8 {
		t.Errorf("got %+v, want 5 of 8", cov)
	}
}

func TestResolveAcceptsShortForms(t *testing.T) {
	c := embedded(t)
	for _, in := range []string{"gdc:29(d)", "gdc:29d", "29d", "29.d", "29(d)", "GDC:29D", " 29d "} {
		cl, err := c.Resolve(in)
		if err != nil || cl.QID() != "gdc:29(d)" {
			t.Errorf("Resolve(%q) = %v, %v; want gdc:29(d)", in, cl, err)
		}
	}
	for in, want := range map[string]string{"7.3": "gdc:7(3)", "7(3)": "gdc:7(3)", "27": "gdc:27", "gdc:74": "gdc:74", "fn.1": "gdc:fn.1"} {
		if cl, err := c.Resolve(in); err != nil || cl.QID() != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", in, cl, err, want)
		}
	}
	if cl, err := c.Resolve("cn-position-2024:2.4.3"); err != nil || !strings.HasPrefix(cl.Text, "各国应尊重公民") {
		t.Errorf("Resolve(cn-position-2024:2.4.3) = %v, %v", cl, err)
	}
}

// IDs as reports print them resolve: a column's short name stands for its
// document, and a bare Chinese local ID resolves when one text has it.
func TestResolveShortNamesAndBareChineseIDs(t *testing.T) {
	c := embedded(t)
	for in, want := range map[string]string{
		"position:2.4.3": "cn-position-2024:2.4.3",
		"speech:1.4":     "cn-speech-2014:1.4",
		"Africa:6":       "cn-africa-2021:6",
		"3.4.2.1":        "cn-whitepaper-2022:3.4.2.1", // only the white paper numbers this deep
		"27":             "gdc:27",                     // a bare ID is the GDC's first
	} {
		if cl, err := c.Resolve(in); err != nil || cl.QID() != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", in, cl, err, want)
		}
	}
	_, err := c.Resolve("1.4")
	var amb *corpus.AmbiguousError
	if !errors.As(err, &amb) || !strings.Contains(err.Error(), "cn-speech-2014:1.4") || !strings.Contains(err.Error(), "cn-position-2024:1.4") {
		t.Errorf("Resolve(1.4) should list the texts that have 1.4, got %v", err)
	}
	if d, err := c.ResolveDoc("position"); err != nil || d.ID != "cn-position-2024" {
		t.Errorf("ResolveDoc(position) = %v, %v", d, err)
	}
}

func TestResolveSuggests(t *testing.T) {
	c := embedded(t)
	cases := []struct{ in, want string }{
		{"cn-postion-2024:2.4.3", `unknown document "cn-postion-2024" (did you mean "cn-position-2024"?)`},
		{"cn-position-2024:2.4.9", `unknown clause "cn-position-2024:2.4.9" (did you mean "cn-position-2024:2.4.1"?)`},
		{"gdc:99", `unknown clause "gdc:99"`},
	}
	for _, tc := range cases {
		_, err := c.Resolve(tc.in)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Resolve(%q) error = %v, want prefix %s", tc.in, err, tc.want)
		}
	}
}

const themesYAML = `themes:
  - key: connectivity
    group: gdc
    en: Connectivity
    zh: 连通
    definition: Access.
`

const goodDoc = `id: doc-a
title: 甲
title_en: A
issuer: 某
issuer_en: Someone
date: "2024-01"
language: zh-Hans
source:
  file: a.txt
  description: test
  flaws: []
  furniture: []
clauses:
  - id: "1"
    heading: []
    kind: proposal
    text: 第一段。
    summary_en: First.
    themes: [connectivity]
`

func loadMap(t *testing.T, files map[string]string) (*corpus.Corpus, string) {
	t.Helper()
	themes, probs := corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(themesYAML)}}, "themes.yaml", "mappings/themes.yaml")
	if probs != nil {
		t.Fatal(probs)
	}
	fsys := fstest.MapFS{"a.txt": {Data: []byte("第一段。\n第二段。")}}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	c, probs := corpus.Load(fsys, "documents", themes)
	return c, probs.Err().Error()
}

// One test per class of malformed input: the message names file, line and field.
func TestLoadRefusesMalformedDocuments(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"yaml syntax", "id: doc-a\ntitle: [\n", "documents/doc-a.yaml:2:"},
		{"unknown field", strings.Replace(goodDoc, "    kind: proposal\n", "    kind: proposal\n    colour: red\n", 1), "documents/doc-a.yaml:17: clauses[0].colour: unknown field; the fields here are footnotes, heading,"},
		{"misspelt field", strings.Replace(goodDoc, "summary_en:", "sumary_en:", 1), `documents/doc-a.yaml:18: clauses[0].sumary_en: unknown field (did you mean "summary_en"?)`},
		{"text for a list", strings.Replace(goodDoc, "heading: []", "heading: 一、", 1), `documents/doc-a.yaml:15: clauses[0].heading: expected a list, found the text "一、"`},
		{"list for text", strings.Replace(goodDoc, "title: 甲", "title: [甲, 乙]", 1), "documents/doc-a.yaml:2: title: expected text, found a list"},
		{"duplicate key", strings.Replace(goodDoc, "title: 甲\n", "title: 甲\ntitle: 乙\n", 1), `documents/doc-a.yaml:3: title: duplicate key "title" (first at line 2)`},
		{"wrong type", strings.Replace(goodDoc, "themes: [connectivity]", "themes: connectivity", 1), `documents/doc-a.yaml:19: clauses[0].themes: expected a list, found the text "connectivity"`},
		{"unknown theme", strings.Replace(goodDoc, "[connectivity]", "[conectivity]", 1), `documents/doc-a.yaml:19: clauses[0].themes[0]: unknown theme "conectivity" (did you mean "connectivity"?)`},
		{"unknown kind", strings.Replace(goodDoc, "kind: proposal", "kind: proposl", 1), `documents/doc-a.yaml:16: clauses[0].kind: unknown kind "proposl" (did you mean "proposal"?)`},
		{"duplicate clause", goodDoc + "  - id: \"1\"\n    heading: []\n    kind: proposal\n    text: 第二段。\n    summary_en: Second.\n    themes: [connectivity]\n", `documents/doc-a.yaml:20: clauses[1].id: duplicate clause id "1" (first at line 14)`},
		{"not verbatim", strings.Replace(goodDoc, "text: 第一段。", "text: 第三段。", 1), "documents/doc-a.yaml:17: clauses[0].text: text is not verbatim in a.txt"},
		{"missing summary", strings.Replace(goodDoc, "summary_en: First.", `summary_en: ""`, 1), "documents/doc-a.yaml:18: clauses[0].summary_en: missing summary_en"},
		{"id mismatch", strings.Replace(goodDoc, "id: doc-a", "id: doc-b", 1), `documents/doc-a.yaml:1: id: document id "doc-b" does not match the file name`},
		{"bad date", strings.Replace(goodDoc, `"2024-01"`, `"Jan 2024"`, 1), `documents/doc-a.yaml:6: date: date "Jan 2024" must be YYYY`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, msg := loadMap(t, map[string]string{"doc-a.yaml": tc.body})
			if c != nil {
				t.Fatal("malformed input was accepted")
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", msg, tc.want)
			}
			if leak := diagtest.Leak(msg); leak != "" {
				t.Errorf("the message speaks of Go (%s):\n%s", leak, msg)
			}
		})
	}
}

// The verbatim check searches on from the previous clause's match, but a
// clause out of source order is still found.
func TestLoadFindsClausesOutOfSourceOrder(t *testing.T) {
	body := goodDoc + "  - id: \"2\"\n    heading: []\n    kind: proposal\n    text: 第二段。\n    summary_en: Second.\n    themes: [connectivity]\n"
	body = strings.Replace(body, "text: 第一段。", "text: 第三段。", 1)
	body = strings.Replace(body, "text: 第二段。", "text: 第一段。", 1)
	body = strings.Replace(body, "text: 第三段。", "text: 第二段。", 1)
	themes, _ := corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(themesYAML)}}, "themes.yaml", "t")
	c, probs := corpus.Load(fstest.MapFS{"doc-a.yaml": {Data: []byte(body)}, "a.txt": {Data: []byte("第一段。\n第二段。")}}, "documents", themes)
	if probs != nil || c == nil {
		t.Fatalf("clauses out of source order refused: %v", probs)
	}
}

func TestLoadAcceptsGoodDocument(t *testing.T) {
	themes, _ := corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(themesYAML)}}, "themes.yaml", "t")
	c, probs := corpus.Load(fstest.MapFS{"doc-a.yaml": {Data: []byte(goodDoc)}, "a.txt": {Data: []byte("第一段。")}}, "documents", themes)
	if probs != nil || c == nil {
		t.Fatalf("good document refused: %v", probs)
	}
	if cl, _ := c.Resolve("doc-a:1"); cl == nil || cl.Line != 14 {
		t.Errorf("clause line not recorded: %+v", cl)
	}
}

// FuzzLoad feeds arbitrary bytes to the document loader: it must return a
// corpus or problems, never panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(goodDoc))
	f.Add([]byte("id: doc-a\nclauses:\n  - {id: x}\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("id: &a doc-a\ntitle: *a\n"))
	themes, _ := corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(themesYAML)}}, "themes.yaml", "t")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, probs := corpus.Load(fstest.MapFS{"doc-a.yaml": {Data: data}, "a.txt": {Data: []byte("第一段。")}}, "documents", themes)
		if (c == nil) == (len(probs) == 0) {
			t.Fatalf("want exactly one of corpus or problems, got %v and %v", c, probs)
		}
	})
}

func FuzzLoadThemes(f *testing.F) {
	f.Add([]byte(themesYAML))
	f.Add([]byte("themes: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: data}}, "themes.yaml", "t")
	})
}

// FuzzResolve feeds arbitrary clause-ID input to the parser: it must never
// panic, and whatever resolves must resolve again from its canonical ID.
func FuzzResolve(f *testing.F) {
	themes, _ := corpus.LoadThemes(mappings.FS, "themes.yaml", "t")
	c, probs := corpus.Load(documents.FS, "documents", themes)
	if probs != nil {
		f.Fatal(probs)
	}
	for _, s := range []string{"29d", "gdc:29(d)", "7.3", "cn-position-2024:2.4.3", "cn-speech-2014:sal.1", ":", "gdc:", "((", "29.", "fn.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cl, err := c.Resolve(s)
		if err != nil {
			return
		}
		again, err := c.Resolve(cl.QID())
		if err != nil || again != cl {
			t.Fatalf("%q resolved to %s, which does not resolve back (%v)", s, cl.QID(), err)
		}
	})
}

// A theme set expands to its members; a set naming an unknown theme, or
// reusing a theme's key, is refused with the line and a suggestion.
func TestThemeSets(t *testing.T) {
	good := themesYAML + "sets:\n  - key: net\n    en: Networks\n    themes: [connectivity]\n"
	themes, probs := corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(good)}}, "themes.yaml", "t")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if keys, ok := themes.Expand("net"); !ok || len(keys) != 1 || keys[0] != "connectivity" {
		t.Errorf("Expand(net) = %v, %v", keys, ok)
	}
	if keys, ok := themes.Expand("connectivity"); !ok || keys[0] != "connectivity" {
		t.Errorf("a theme expands to itself: %v, %v", keys, ok)
	}
	if _, ok := themes.Expand("nothing"); ok {
		t.Error("an unknown key must not expand")
	}
	bad := themesYAML + "sets:\n  - key: connectivity\n    en: Dup\n    themes: [conectivity]\n"
	_, probs = corpus.LoadThemes(fstest.MapFS{"themes.yaml": {Data: []byte(bad)}}, "themes.yaml", "t")
	msgs := probs.Error()
	for _, want := range []string{`theme set key "connectivity" is already a theme key`, `unknown theme "conectivity"`, `did you mean "connectivity"`, "sets[0].themes[0]"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("problems lack %q:\n%s", want, msgs)
		}
	}
}

// unlistable is a folder that can be entered but not listed.
type unlistable struct{ fs.FS }

func (unlistable) ReadDir(string) ([]fs.DirEntry, error) { return nil, fs.ErrPermission }

// TestUnlistableFolderIsAProblem: a folder that cannot be listed is a
// problem naming it, never an empty folder.
func TestUnlistableFolderIsAProblem(t *testing.T) {
	_, probs := corpus.Load(unlistable{fstest.MapFS{}}, "documents", &corpus.Themes{})
	if len(probs) != 1 || probs[0].String() != "documents: cannot read: permission denied" {
		t.Fatalf("got %v", probs)
	}
	if _, err := corpus.YAMLFiles(unlistable{fstest.MapFS{}}); err == nil {
		t.Fatal("YAMLFiles listed an unlistable folder")
	}
}

// TestSourceRequired: a document with no source file, or an empty one, is
// a problem: otherwise the verbatim check of its clauses is skipped.
func TestSourceRequired(t *testing.T) {
	themes, _ := corpus.LoadThemes(mappings.FS, "themes.yaml", "mappings/themes.yaml")
	doc, err := fs.ReadFile(documents.FS, "cn-speech-2014.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ source, text, want string }{
		{`"file": ""`, "x", "documents/cn-speech-2014.yaml:11: source.file: missing source file"},
		{`"file": "source/s.txt"`, " \n\n", "documents/cn-speech-2014.yaml:11: source.file: source file source/s.txt is empty"},
		{`"file": "source/none.txt"`, "x", "source file source/none.txt cannot read"},
	} {
		y := strings.Replace(string(doc), "file: source/cn-speech-2014.txt", c.source, 1)
		fsys := fstest.MapFS{"cn-speech-2014.yaml": {Data: []byte(y)}, "source/s.txt": {Data: []byte(c.text)}}
		_, probs := corpus.Load(fsys, "documents", themes)
		if !strings.Contains(probs.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.source, probs, c.want)
		}
	}
}
