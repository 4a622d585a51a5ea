package brief

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// hostile is markup planted in a note: it must reach the page as text.
const hostile = `<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">`

// hostileData is the fixture with hostile markup at the start of a note.
func hostileData(t *testing.T) *dataset.Dataset {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "fixture"))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "mappings", "cn-position-2024.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	planted := strings.Replace(string(src), `"note": "Both open by`, `"note": "`+hostile+` Both open by`, 1)
	if planted == string(src) {
		t.Fatal("fixture note to plant markup in not found")
	}
	if err := os.WriteFile(path, []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func render(t *testing.T, c view.Context) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Markup in the data shows as text: escaped, never a live element.
func TestHTMLEscapesData(t *testing.T) {
	out := render(t, view.Context{Data: hostileData(t), Lang: "both"})
	if strings.Contains(out, "<script>window.pwned") || strings.Contains(out, "<img src=x") {
		t.Fatal("note markup reached the page unescaped")
	}
	// The clause views are packed in the page; the note is in them as text.
	pairs, err := Unpack([]byte(out), "pair-data")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, html := range pairs {
		if strings.Contains(html, "<script>window.pwned") || strings.Contains(html, "<img src=x") {
			t.Fatal("note markup reached a clause view unescaped")
		}
		found = found || strings.Contains(html, "&lt;script&gt;window.pwned=1&lt;/script&gt;")
	}
	if !found {
		t.Fatal("note text missing from the clause views")
	}
	// The page's own script, and its two data elements, never run.
	if n, data := strings.Count(out, "<script"), strings.Count(out, `<script type="application/octet-stream"`); n != 3 || data != 2 {
		t.Errorf("%d script elements (%d data), want the page's own and its two data elements", n, data)
	}
}

// The page holds one matrix row and one pair view per row of the compare
// view, under the same filters, and nothing fetched from elsewhere.
func TestHTMLFollowsCompare(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []compare.Filter{{}, {Objective: 3, Against: []string{"cn-position-2024"}}} {
		c := view.Context{Data: ds, Filter: f, Lang: "both"}
		out := render(t, c)
		want := len(view.NewCompare(c).Rows)
		if got := strings.Count(out, "\" data-pair=\"pair-") - strings.Count(out, "<article class=\"pair stub\""); got != want {
			t.Errorf("%+v: %d matrix rows, compare has %d", f, got, want)
		}
		if got := strings.Count(out, `<article class="pair stub"`); got != want {
			t.Errorf("%+v: %d pair views, compare has %d", f, got, want)
		}
		for _, ext := range []string{"http:", "https:", "src=", "@import", "url("} {
			if strings.Contains(out, ext) {
				t.Errorf("%+v: page refers to %q: it must need no network", f, ext)
			}
		}
		// Without JavaScript the filters stay hidden and everything shows.
		if !strings.Contains(out, `<form id="filters" hidden`) || strings.Contains(out, "<tr hidden") || strings.Contains(out, "<article hidden") {
			t.Errorf("%+v: the page without JavaScript must show every row and hide the filter form", f)
		}
		// The first screen is the headline: figures and a picture with its
		// legend, before the matrix.
		if h, m := strings.Index(out, `<svg id="picture"`), strings.Index(out, `<section id="matrix"`); h < 0 || h > m || !strings.Contains(out, `<table id="figures">`) {
			t.Errorf("%+v: the headline picture must come before the matrix", f)
		}
		// The printed page header names the data version (html/template
		// once replaced it by #ZgotmplZ, its mark for an unsafe value).
		if strings.Contains(out, "ZgotmplZ") || !strings.Contains(out, `@top-center { content: "crosswalk briefing · data version `+ds.Version) {
			t.Errorf("%+v: the printed page header does not carry the data version", f)
		}
		// Round 4 quadrupled the records (each pair view carries its
		// counterparts' full texts); the page stays one forwardable file.
		if len(out) > 5<<20 {
			t.Errorf("%+v: page is %d bytes, over 5 MB", f, len(out))
		}
	}
}

// On paper a record prints its evidence only: the rest of the clause is
// in "ctx" spans the print style sheet leaves out; a text without
// evidence found in it has none, so it prints whole.
func TestEvidenceMarksContext(t *testing.T) {
	var drawn report.Text
	got := string(evidence(report.Highlight("before <quote> after", "<quote>"), &drawn))
	if want := `<span class="ctx">before </span><mark>&lt;quote&gt;</mark><span class="ctx"> after</span>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := string(evidence(report.Highlight("no evidence here", "elsewhere"), &drawn)); strings.Contains(got, "ctx") {
		t.Errorf("a text without evidence must print whole: %s", got)
	}
	if !strings.Contains(string(cssString(`a "b" </style>`)), `a \22 b\22  \3c /style\3e `) {
		t.Errorf("cssString: %s", cssString(`a "b" </style>`))
	}
}

// A clause view names each record's qualifiers in words with the target's
// own words, in the target's language.
func TestPairViewsListQualifiers(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, view.Context{Data: ds, Filter: compare.Filter{Against: []string{"cn-africa-2021"}, Objective: 1}, Lang: "both"})
	pairs, err := Unpack([]byte(out), "pair-data")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, h := range pairs {
		all.WriteString(h)
	}
	// 7(1) → item 1 is conditioned on respect for each state's cyber sovereignty.
	want := `Sovereignty precondition (<span lang="zh-Hans">“在尊重各国网络主权、尊重各国网络政策的前提下”</span>)`
	if got := all.String(); !strings.Contains(got, `<span class="tag">Qualifiers</span>`) || !strings.Contains(got, want) {
		t.Errorf("the clause views should list qualifiers with their words, e.g. %s", want)
	}
}
