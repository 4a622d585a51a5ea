package diag

import "testing"

func TestNearest(t *testing.T) {
	cands := []string{"connectivity", "cyber-sovereignty", "ai-governance", "state-management", "state-led-governance"}
	cases := []struct{ in, want string }{
		{"conectivity", "connectivity"},
		{"cyber-soverignty", "cyber-sovereignty"},
		{"AI-governance", "ai-governance"},
		{"zzzzzz", ""},
		{"cyber", "cyber-sovereignty"}, // the leading word of one key
		{"state", ""},                  // of two: no guess
		{"ai", ""},                     // too short to guess from
	}
	for _, c := range cases {
		if got := Nearest(c.in, cands); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{File: "documents/gdc.yaml", Line: 12, Field: "clauses[0].themes[1]", Msg: "unknown theme"}
	if got, want := p.String(), "documents/gdc.yaml:12: clauses[0].themes[1]: unknown theme"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if (List{}).Err() != nil {
		t.Error("empty list must be a nil error")
	}
	l := List{{File: "b", Line: 1, Msg: "x"}, {File: "a", Line: 9, Msg: "y"}}
	if got := l.Err().(List)[0].File; got != "a" {
		t.Errorf("Err must sort by file, got %q first", got)
	}
}
