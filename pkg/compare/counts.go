package compare

// NoteIn is the curators' note on the silence of document doc, if they
// recorded it as notable (a mapping holds at most one none record per pair).
func (s Silence) NoteIn(doc string) string {
	for _, r := range s.Noted {
		if r.TargetDoc == doc {
			return r.Note
		}
	}
	return ""
}

// LinksFrom are the links of ls whose record starts at GDC clause src (a
// local ID).
func LinksFrom(ls []Link, src string) []Link {
	var out []Link
	for _, l := range ls {
		if l.Record.Source == src {
			out = append(out, l)
		}
	}
	return out
}
