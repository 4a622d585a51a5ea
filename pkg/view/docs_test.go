package view

import "testing"

func TestDocsOneRowPerDocument(t *testing.T) {
	c := anaContext(t)
	v := NewDocs(c)
	tb := v.Table(false)
	col := anaCheckCSV(t, c, tb)
	if len(tb.Rows) != len(c.Data.Corpus.Docs) || len(v.Documents) != len(c.Data.Corpus.Docs) {
		t.Fatalf("%d rows, %d documents in the view, want %d", len(tb.Rows), len(v.Documents), len(c.Data.Corpus.Docs))
	}
	for i, d := range c.Data.Corpus.Docs {
		if got := tb.Rows[i][col["id"]].String(); got != d.ID {
			t.Errorf("row %d: id %q, want %q", i, got, d.ID)
		}
		footnotes := 0
		for _, cl := range d.Clauses {
			if cl.Kind == "footnote" {
				footnotes++
			}
		}
		if want := len(d.Clauses) - footnotes; v.Documents[i].Clauses != want || tb.Rows[i][col["clauses"]].String() != itoa(want) {
			t.Errorf("%s: %d clauses, want %d (footnotes excluded)", d.ID, v.Documents[i].Clauses, want)
		}
		if v.Documents[i].Flaws == nil {
			t.Errorf("%s: source_flaws must be a list, not null", d.ID)
		}
	}
	if doc := v.Doc(); doc == nil || len(doc.Blocks) != 1 {
		t.Fatal("the doc lists the documents in one table")
	}
}

func TestPickFollowsLang(t *testing.T) {
	for _, c := range []struct{ lang, zh, en, want string }{
		{"zh", "中", "en", "中"}, {"en", "中", "en", "en"}, {"both", "中", "en", "中\nen"}, {"en", "中", "", "中"},
	} {
		if got := pick(c.lang, c.zh, c.en); got != c.want {
			t.Errorf("pick(%q, %q, %q) = %q, want %q", c.lang, c.zh, c.en, got, c.want)
		}
	}
	if got := pickInline("both", "中", "en"); got != "en · 中" {
		t.Errorf("pickInline both = %q", got)
	}
}
