package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/brief"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/translation/translationtest"
)

// gdcFixture writes the fixture translation of the GDC (our summaries,
// numbered as the UN text is), damaged by edit, and returns its path and
// each clause's line in the undamaged file.
func gdcFixture(t *testing.T, edit func([]string, map[string]int) []string) (string, map[string]int) {
	t.Helper()
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := ds.Corpus.Reference()
	lines, at := translationtest.Fixture(d)
	if edit != nil {
		lines = edit(lines, at)
	}
	path := filepath.Join(t.TempDir(), "gdc-en.txt")
	if err := os.WriteFile(path, []byte(translationtest.Text(lines)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, at
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// The fixture aligns to every clause, the overlay goes to the user
// translations folder, and show 29d --lang en then shows it, labelled as
// the supplied translation with its title; --lang both shows it beside the
// original, and the export carries it with its source.
func TestNewTranslationEndToEnd(t *testing.T) {
	user := filepath.Join(t.TempDir(), "translations")
	t.Setenv("CROSSWALK_TRANSLATIONS", user)
	file, _ := gdcFixture(t, nil)
	r := execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", "--date", "2024-09-22", file)
	if r.status != 0 {
		t.Fatalf("status %d:\n%s", r.status, r.errOut)
	}
	want := "wrote " + filepath.Join(user, "gdc.en.yaml") + ": 174 of 174 clauses of gdc aligned\n"
	if !strings.HasPrefix(r.errOut, want) || r.out != "" {
		t.Fatalf("stderr %q, stdout %q; want it to start %q", r.errOut, r.out, want)
	}
	for _, lang := range []string{"en", "both"} {
		s := execArgs(t, testFactory(), "show", "29d", "--lang", lang, "--no-pager")
		if s.status != 0 {
			t.Fatalf("show: %s", s.errOut)
		}
		golden(t, "translation/show-gdc-29d-"+lang+".txt", s.out)
	}
	ex := execArgs(t, testFactory(), "export", "--format", "json")
	var doc struct {
		Documents []struct {
			ID      string
			Clauses []struct {
				ID          string
				Translation *struct {
					Source, Lang, Title, Date, Text, File string
					Line                                  int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(ex.out), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range doc.Documents {
		for _, c := range d.Clauses {
			if c.Translation == nil {
				continue
			}
			n++
			if tr := c.Translation; d.ID != "gdc" || tr.Source != "supplied" || tr.Title != translationtest.Title || tr.Date != "2024-09-22" ||
				tr.File != "gdc-en.txt" || tr.Text == "" || tr.Line == 0 {
				t.Fatalf("%s: translation %+v", c.ID, *tr)
			}
		}
	}
	if n != 174 {
		t.Errorf("the export carries %d translations, want 174", n)
	}
	// A second run refuses to overwrite; --replace replaces.
	if r := execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", file); r.status != 1 || !strings.Contains(r.errOut, "already exists; nothing was written") {
		t.Errorf("second run: status %d, %s", r.status, r.errOut)
	}
	if r := execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", "--replace", "--title", "Other", file); r.status != 0 {
		t.Errorf("--replace: status %d, %s", r.status, r.errOut)
	}
}

// Removing 29(c) reports exactly that clause at the line where it was
// expected, and writes nothing; --allow-gaps writes it marked as a gap.
func TestNewTranslationReportsAGapAndWritesNothing(t *testing.T) {
	user := filepath.Join(t.TempDir(), "translations")
	t.Setenv("CROSSWALK_TRANSLATIONS", user)
	file, at := gdcFixture(t, func(l []string, at map[string]int) []string {
		return slices.Delete(l, at["29(c)"]-1, at["29(c)"])
	})
	r := execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", file)
	want := "crosswalk: " + file + ":" + itoa(at["29(c)"]) + ": gdc:29(c): no piece for 29(c): expected before 29(d)\n" +
		"nothing was written (--allow-gaps writes the overlay with those clauses marked as gaps)\n"
	if r.status != 1 || r.errOut != want {
		t.Fatalf("status %d, stderr:\n%s\nwant:\n%s", r.status, r.errOut, want)
	}
	if names := entries(t, user); len(names) > 0 {
		t.Fatalf("something was written: %v", names)
	}
	r = execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", "--allow-gaps", file)
	if r.status != 0 || !strings.Contains(r.errOut, "173 of 174 clauses of gdc aligned, 1 marked as gaps") {
		t.Fatalf("--allow-gaps: status %d, %s", r.status, r.errOut)
	}
	s := execArgs(t, testFactory(), "show", "29c", "--lang", "en", "--no-pager")
	if !strings.Contains(strings.Join(strings.Fields(s.out), " "), "(unofficial summary; "+translationtest.Title+" has no text for this clause)") {
		t.Errorf("a gap is not marked:\n%s", s.out)
	}
}

// With --data the overlay goes into DIR/translations, and the cache
// notices it: a later edit of the overlay changes what is shown.
func TestNewTranslationIntoDataFolder(t *testing.T) {
	dir := copyData(t)
	file, _ := gdcFixture(t, nil)
	if r := execArgs(t, testFactory(), "--data", dir, "show", "29d", "--lang", "en"); r.status != 0 || !strings.Contains(r.out, "unofficial summary") {
		t.Fatalf("before: %d %s", r.status, r.errOut)
	}
	r := execArgs(t, testFactory(), "--data", dir, "new", "translation", "--doc", "gdc", "--lang", "en", "--title", "My copy", file)
	if r.status != 0 {
		t.Fatalf("status %d: %s", r.status, r.errOut)
	}
	overlay := filepath.Join(dir, "translations", "gdc.en.yaml")
	s := execArgs(t, testFactory(), "--data", dir, "show", "29d", "--lang", "en")
	if !strings.Contains(s.out, "(supplied official translation: My copy)") {
		t.Fatalf("the overlay is not shown:\n%s%s", s.out, s.errOut)
	}
	edit(t, overlay, "title: My copy", "title: My edited copy")
	if s := execArgs(t, testFactory(), "--data", dir, "show", "29d", "--lang", "en"); !strings.Contains(s.out, "My edited copy") {
		t.Fatalf("an edit of the overlay did not reach the output (cache):\n%s", s.out)
	}
	// A damaged overlay fails every command with file:line.
	edit(t, overlay, "id: 29(d)", "id: 29(z)")
	s = execArgs(t, testFactory(), "--data", dir, "show", "29d", "--lang", "en")
	if s.status != 1 || !strings.Contains(s.errOut, "translations/gdc.en.yaml:") || !strings.Contains(s.errOut, `gdc has no clause "29(z)"`) {
		t.Fatalf("a damaged overlay: status %d, %s", s.status, s.errOut)
	}
}

// Bad input is refused with a clear message and nothing written.
func TestNewTranslationBadInput(t *testing.T) {
	user := filepath.Join(t.TempDir(), "translations")
	t.Setenv("CROSSWALK_TRANSLATIONS", user)
	good, _ := gdcFixture(t, nil)
	tmp := t.TempDir()
	binary := filepath.Join(tmp, "bin.txt")
	os.WriteFile(binary, []byte("1. ok\n2. \xff\xfe\n"), 0o644)
	for _, c := range []struct {
		args   []string
		status int
		msg    string
	}{
		{[]string{"--doc", "gdc", good}, 2, "needs --lang en"},
		{[]string{"--doc", "gdc", "--lang", "zh", good}, 2, "needs --lang en"},
		{[]string{"--lang", "en", good}, 2, "needs --doc ID"},
		{[]string{"--doc", "gcd", "--lang", "en", good}, 2, `unknown document "gcd" (did you mean "gdc"?)`},
		{[]string{"--doc", "gdc", "--lang", "en", "--date", "22/9/2024", good}, 2, "--date"},
		{[]string{"--doc", "gdc", "--lang", "en", filepath.Join(tmp, "missing.txt")}, 1, "cannot read " + filepath.Join(tmp, "missing.txt")},
		{[]string{"--doc", "gdc", "--lang", "en", tmp}, 1, "it is not a regular file"},
		{[]string{"--doc", "gdc", "--lang", "en", binary}, 1, binary + ":2: not UTF-8 text"},
		{[]string{"--doc", "gdc", "--lang", "en"}, 2, "takes --doc DOC --lang en FILE; got 0 arguments"},
	} {
		r := execArgs(t, testFactory(), append([]string{"new", "translation"}, c.args...)...)
		if r.status != c.status || !strings.Contains(r.errOut, c.msg) || r.out != "" {
			t.Errorf("%q: status %d, stderr %q; want %d and %q", c.args, r.status, r.errOut, c.status, c.msg)
		}
	}
	if names := entries(t, user); len(names) > 0 {
		t.Fatalf("something was written: %v", names)
	}
}

// The briefing and the workbook carry the supplied translation, named.
func TestBriefAndWorkbookCarryTranslation(t *testing.T) {
	user := filepath.Join(t.TempDir(), "translations")
	t.Setenv("CROSSWALK_TRANSLATIONS", user)
	file, _ := gdcFixture(t, nil)
	if r := execArgs(t, testFactory(), "new", "translation", "--doc", "gdc", "--lang", "en", "--title", "GDC, my copy", "--date", "2024-09-22", file); r.status != 0 {
		t.Fatal(r.errOut)
	}
	out := t.TempDir()
	page := filepath.Join(out, "brief.html")
	if r := execArgs(t, testFactory(), "brief", "--objective", "3", "--against", "cn-position-2024", "-o", page); r.status != 0 {
		t.Fatal(r.errOut)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// The clause views are drawn on demand from the page's pair data.
	pairs, err := brief.Unpack(b, "pair-data")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pairs["pair-gdc-29-d"], `<span class="tag">Supplied translation: GDC, my copy, 2024-09-22</span> Pledges not to shut down the internet`) {
		t.Error("the briefing does not carry the supplied translation of 29(d)")
	}
	book := filepath.Join(out, "all.xlsx")
	if r := execArgs(t, testFactory(), "export", "-o", book); r.status != 0 {
		t.Fatal(r.errOut)
	}
	rows := xlsxRows(t, book)["clauses"]
	head := rows[0]
	if n := len(head); n < 2 || head[n-2] != "translation_en" || head[n-1] != "translation_source" {
		t.Fatalf("clauses sheet header %q", head)
	}
	found := false
	for _, r := range rows {
		if r[0] == "gdc:29(d)" {
			found = strings.HasPrefix(r[len(r)-2], "Pledges not to shut down") && r[len(r)-1] == "supplied: GDC, my copy, 2024-09-22"
		}
	}
	if !found {
		t.Error("the workbook's clauses sheet does not carry the translation of gdc:29(d)")
	}
}
