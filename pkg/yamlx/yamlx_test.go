package yamlx

import (
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
)

type doc struct {
	ID    string   `yaml:"id"`
	Items []string `yaml:"items"`
	Parts []part   `yaml:"parts"`
}

type part struct {
	Name string `yaml:"name"`
	Line int    `yaml:"-"`
}

func TestDecodeRefusesBadInput(t *testing.T) {
	cases := []struct {
		name, in, want string
		line           int
		field          string
	}{
		{"unknown field", "id: a\nbogus: 1\n", "unknown field; the fields here are id, items, parts", 2, "bogus"},
		{"misspelt field", "id: a\nitem: [x]\n", `unknown field (did you mean "items"?)`, 2, "item"},
		{"duplicate key", "id: a\nid: b\n", `duplicate key "id" (first at line 1)`, 2, "id"},
		{"wrong type", "id: a\nitems: 3\n", "expected a list, found the number 3", 2, "items"},
		{"list for text", "id: [a, b]\n", "expected text, found a list", 1, "id"},
		{"text for a mapping", "id: a\nparts:\n  - x\n", `expected a mapping (key: value lines), found the text "x"`, 3, "parts[0]"},
		{"unclosed flow", "# c\nid: a\nitems: [x\nother: 1\n", "did not find expected", 3, ""},
		{"empty", "", "file is empty", 1, ""},
		{"unknown nested field", "id: a\nparts:\n  - name: x\n  - name: y\n    colour: red\n", "unknown field; the fields here are name", 5, "parts[1].colour"},
		{"field with yaml:\"-\"", "id: a\nparts:\n  - line: 3\n", "unknown field", 3, "parts[0].line"},
		{"problems in line order", "id: a\nparts:\n  - name: [x]\n  - bogus: 1\n", "expected text, found a list", 3, "parts[0].name"},
		{"alias of the wrong type", "id: a\nitems: &l [x]\nparts: *l\n", "expected a mapping (key: value lines), found the text \"x\"", 2, "parts[0]"},
		{"not UTF-8", "id: caf\xe9\n", "not UTF-8 text", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			_, probs := Decode("f.yaml", []byte(c.in), &d)
			if len(probs) == 0 {
				t.Fatal("expected a problem")
			}
			if !strings.Contains(probs[0].Msg, c.want) || probs[0].Line != c.line || probs[0].Field != c.field || probs[0].File != "f.yaml" {
				t.Errorf("got %+v, want line %d, field %q, containing %q", probs[0], c.line, c.field, c.want)
			}
			for _, p := range probs {
				if leak := diagtest.Leak(p.String()); leak != "" {
					t.Errorf("%q speaks of Go (%s)", p, leak)
				}
			}
		})
	}
}

func TestLocatorLine(t *testing.T) {
	var d doc
	loc, probs := Decode("f.yaml", []byte("id: a\nitems:\n  - x\n  - y\n"), &d)
	if probs != nil {
		t.Fatal(probs)
	}
	if got := loc.Line("items", 1); got != 4 {
		t.Errorf("items[1] line = %d, want 4", got)
	}
	if got := loc.Line("missing"); got != 1 {
		t.Errorf("missing field falls back to root line, got %d", got)
	}
	if got := Field("clauses", 3, "themes", 0); got != "clauses[3].themes[0]" {
		t.Errorf("Field = %q", got)
	}
}

// TestHostileInput: keys are escaped like values, binary data is refused
// in text, and size and depth are bounded before the tree is built.
func TestHostileInput(t *testing.T) {
	type doc struct {
		S string   `yaml:"s"`
		L []string `yaml:"l"`
	}
	for _, c := range []struct{ in, want string }{
		{"s: a\n\"ev\\e[31mil\\u202e\": 1\n", `f.yaml:2: "ev\x1b[31mil\u202e": unknown field`},
		{"s: !!binary AGhp\n", "f.yaml:1: s: expected text, found binary data (a !!binary value); write the text itself"},
		{"l: [!!binary AGhp]\n", "f.yaml:1: l[0]: expected text, found binary data"},
		{strings.Repeat("[", MaxDepth+2) + strings.Repeat("]", MaxDepth+2) + "\n", "levels deep"},
		{strings.Repeat("- a\n", MaxNodes/2+1), "f.yaml:1: the file may hold up to"},
	} {
		var v doc
		_, probs := Decode("f.yaml", []byte(c.in), &v)
		if len(probs) == 0 || !strings.Contains(probs.Error(), c.want) {
			t.Errorf("%.40q: %v, want %q", c.in, probs, c.want)
		}
	}
}
