package translation_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/translation"
	"github.com/crosswalk-dev/crosswalk/pkg/translation/translationtest"
)

// FuzzAlign: any text aligns without a panic, every finding names a line
// of the text, and every piece a clause of the document.
func FuzzAlign(f *testing.F) {
	d := gdc(f)
	lines, _ := translationtest.Fixture(d)
	f.Add(translationtest.Text(lines[:40]))
	f.Add("Title\n\n1. One.\n(a) a\n(b) b\n\n[^1]: note\n[29d] x\n2.4.3 y\n24-27221 5/22\nword1 and\n")
	f.Add("\ufeff# T\r\n\r\n3.\r\n(zz) \x00\xff\n")
	f.Fuzz(func(t *testing.T, text string) {
		r := translation.Align(d, text)
		n := strings.Count(text, "\n") + 1
		for _, fd := range r.Findings {
			if fd.Line < 1 || fd.Line > n {
				t.Fatalf("finding at line %d of a %d-line text: %s", fd.Line, n, fd.Msg)
			}
		}
		if !r.Blocking(true) {
			for _, p := range r.Pieces {
				if _, ok := d.Clause(p.ID); !ok {
					t.Fatalf("a writable alignment has piece %q, no clause", p.ID)
				}
			}
			ov := translation.Overlay(d, r, "en", "T", "", "f.txt")
			data, err := ov.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			// What would be written loads back.
			ds, _ := dataset.Embedded()
			fsys := fstest.MapFS{translation.Name("gdc", "en"): {Data: data}}
			if _, probs := translation.Load(fsys, "translations", ds.Corpus); len(probs) > 0 && len(r.Pieces) > 0 {
				t.Fatalf("a written overlay does not load:\n%v", probs)
			}
		}
	})
}

// FuzzLoadOverlay: any overlay file loads or is refused with problems that name
// the file, never a panic.
func FuzzLoadOverlay(f *testing.F) {
	ds, err := dataset.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("document: gdc\nlang: en\ntitle: T\nfrom: f.txt\nclauses:\n  - id: \"1\"\n    line: 3\n    text: x\n"))
	f.Add([]byte("document: cn-africa-2021\nlang: en\ntitle: T\nfrom: f\nclauses: []\ngaps: [\"1\", \"1\"]\n"))
	f.Add([]byte("document: [\nlang: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"gdc.en.yaml": {Data: data}}
		files, probs := translation.Load(fsys, "translations", ds.Corpus)
		for _, p := range probs {
			if p.File != "translations/gdc.en.yaml" || p.Msg == "" {
				t.Fatalf("problem without its file: %v", p)
			}
		}
		if len(files) > 0 {
			translation.Apply(ds.Corpus, files)
		}
	})
}
