package corpus

import (
	"strings"
	"unicode"
)

// Coverage says how much of a source's Chinese text the clauses account for.
type Coverage struct {
	Covered, Total int // Han characters
}

// Share is Covered/Total, or 1 for an empty source.
func (c Coverage) Share() float64 {
	if c.Total == 0 {
		return 1
	}
	return float64(c.Covered) / float64(c.Total)
}

// MeasureCoverage counts the Han characters of source that are covered by the
// document's recorded spans (clause texts, headings, titles), excluding the
// site furniture listed in its metadata. Whitespace is ignored throughout.
func MeasureCoverage(d *Document, source string) Coverage {
	src := compactSpace(source)
	covered := make([]bool, len(src))
	excluded := make([]bool, len(src))
	mark := func(span string, into []bool) {
		span = compactSpace(span)
		if span == "" {
			return
		}
		for off := 0; ; {
			i := strings.Index(src[off:], span)
			if i < 0 {
				return
			}
			for k := off + i; k < off+i+len(span); k++ {
				into[k] = true
			}
			off += i + len(span)
		}
	}
	for _, f := range d.Source.Furniture {
		mark(f, excluded)
	}
	mark(d.Title, covered)
	mark(d.Subtitle, covered)
	for _, c := range d.Clauses {
		mark(c.Text, covered)
		for _, h := range c.Heading {
			mark(h, covered)
		}
	}
	var cov Coverage
	for i, r := range src {
		if !unicode.Is(unicode.Han, r) || excluded[i] {
			continue
		}
		cov.Total++
		if covered[i] {
			cov.Covered++
		}
	}
	return cov
}
