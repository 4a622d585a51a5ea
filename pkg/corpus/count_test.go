package corpus

import "testing"

func TestClauseCountSkipsFootnotes(t *testing.T) {
	d := &Document{Clauses: []Clause{{Kind: "preamble"}, {Kind: "footnote"}, {Kind: "commitment"}}}
	if got := d.ClauseCount(); got != 2 {
		t.Errorf("ClauseCount = %d, want 2", got)
	}
}
