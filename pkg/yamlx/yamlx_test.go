package yamlx

import (
	"strings"
	"testing"
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
	}{
		{"unknown field", "id: a\nbogus: 1\n", "field bogus not found", 2},
		{"duplicate key", "id: a\nid: b\n", "already defined", 2},
		{"wrong type", "id: a\nitems: 3\n", "cannot unmarshal", 2},
		{"unclosed flow", "# c\nid: a\nitems: [x\nother: 1\n", "did not find expected", 3},
		{"empty", "", "file is empty", 1},
		{"unknown nested field", "id: a\nparts:\n  - name: x\n  - name: y\n    colour: red\n", "field colour not found in type yamlx.part", 5},
		{"field with yaml:\"-\"", "id: a\nparts:\n  - line: 3\n", "field line not found", 3},
		{"problems in line order", "id: a\nparts:\n  - name: [x]\n  - bogus: 1\n", "cannot unmarshal", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			_, probs := Decode("f.yaml", []byte(c.in), &d)
			if len(probs) == 0 {
				t.Fatal("expected a problem")
			}
			if !strings.Contains(probs[0].Msg, c.want) || probs[0].Line != c.line || probs[0].File != "f.yaml" {
				t.Errorf("got %+v, want line %d containing %q", probs[0], c.line, c.want)
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
