package corpus

// ClauseCount is the number of clauses other than footnotes: paragraphs and
// numbered items.
func (d *Document) ClauseCount() int {
	n := 0
	for _, c := range d.Clauses {
		if c.Kind != "footnote" {
			n++
		}
	}
	return n
}
