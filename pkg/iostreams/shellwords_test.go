package iostreams

import (
	"strings"
	"testing"
)

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string]string{
		"less":                `less`,
		"  less  -R ":         `less|-R`,
		`'a b' "c d" e\ f`:    `a b|c d|e f`,
		`"a\\b\$c\x"`:         `a\b$c\x`,
		`'it''s'`:             `its`,
		"a\\\nb":              `ab`,
		`""`:                  ``,
		"less\t-i\n-R":        `less|-i|-R`,
		`"quoted 'single'" x`: `quoted 'single'|x`,
	} {
		got, err := SplitCommand(in)
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("SplitCommand(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{`'a`, `"a`, `a\`, `"a\"`} {
		if _, err := SplitCommand(in); err == nil {
			t.Errorf("SplitCommand(%q) accepted", in)
		}
	}
}

// FuzzSplitCommand: the pager parser never panics, and what it returns
// parses back to itself once each word is quoted.
func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{"less -R", `'a b' "c\"d" e\ f`, `"`, `\`, "a\\\nb", `""`, "''x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, err := SplitCommand(s)
		if err != nil {
			return
		}
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, "'"+strings.ReplaceAll(w, "'", `'\''`)+"'")
		}
		again, err := SplitCommand(strings.Join(quoted, " "))
		if err != nil || strings.Join(again, "\x00") != strings.Join(words, "\x00") || len(again) != len(words) {
			t.Fatalf("%q → %q → %q (%v)", s, words, again, err)
		}
	})
}
