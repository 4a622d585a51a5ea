package audit

import (
	"os"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

// FuzzParseExceptions: any input is either accepted with every entry
// checked, or refused with located problems; never a panic.
func FuzzParseExceptions(f *testing.F) {
	ds, err := dataset.FromDir("../../testdata/audit")
	if err != nil {
		f.Fatal(err)
	}
	seed, err := os.ReadFile("../../testdata/audit/mappings/audit-exceptions.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("exceptions:\n  - kind: reuse-propagation\n    ids: [gdc:2, cn-old:1, cn-new:1]\n    reason: x\n"))
	f.Add([]byte("exceptions: [{kind: x, ids: [\"gdc:1(\"]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		exc, probs := ParseExceptions("f.yaml", data, ds.Corpus)
		if probs != nil && exc != nil {
			t.Fatalf("both exceptions and problems")
		}
		for _, e := range exc {
			if e.Reason == "" || len(e.IDs) != arity[e.Kind] {
				t.Fatalf("accepted a bad entry: %+v", e)
			}
		}
	})
}

// FuzzNarrowingCues: the rule never panics and every cue it reports lies
// in the sentence it reports.
func FuzzNarrowingCues(f *testing.F) {
	for _, s := range []string{"The paper omits X.", "The GDC is narrower; the speech only names states", "not only…", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		for _, c := range NarrowingCues(note) {
			if c.Cue == "" || c.Sentence == "" {
				t.Fatalf("empty cue or sentence in %q: %+v", note, c)
			}
		}
	})
}
