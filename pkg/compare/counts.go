package compare

import "github.com/crosswalk-dev/crosswalk/pkg/mapping"

// NotedIn is the curators' none record on the silence of document doc, if
// they recorded it as notable (a mapping holds at most one per pair); else nil.
func (s Silence) NotedIn(doc string) *mapping.Record {
	for _, r := range s.Noted {
		if r.TargetDoc == doc {
			return r
		}
	}
	return nil
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
