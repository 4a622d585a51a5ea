// Package translationtest writes fixture translations for tests: a
// document's own English summaries (crosswalk's, unofficial), numbered as
// the UN prints the GDC, so the aligner is tested without the real texts.
package translationtest

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

// Title is the fixture's first line.
const Title = "Global Digital Compact (test fixture from crosswalk's summaries)"

// Fixture is one line per clause, marked as the UN text marks it: "29."
// for a paragraph, "(d)" for its sub-items, "[^1]:" for footnotes at the
// end; a "Part N" heading wherever the heading path changes. It returns
// the lines, 0-based, and each clause's line number (1-based).
func Fixture(d *corpus.Document) (lines []string, lineOf map[string]int) {
	lines = []string{Title, "Text: the summary_en of each clause", ""}
	lineOf = map[string]int{}
	var notes []*corpus.Clause
	prev, part := "", 0
	for i := range d.Clauses {
		cl := &d.Clauses[i]
		if cl.Kind == "footnote" {
			notes = append(notes, cl)
			continue
		}
		if h := strings.Join(cl.Heading, "/"); h != prev {
			part++
			lines = append(lines, "", fmt.Sprintf("Part %d", part), "")
			prev = h
		}
		lines = append(lines, Marker(cl)+" "+cl.SummaryEn)
		lineOf[cl.ID] = len(lines)
	}
	lines = append(lines, "")
	for _, cl := range notes {
		lines = append(lines, Marker(cl)+" "+cl.SummaryEn)
		lineOf[cl.ID] = len(lines)
	}
	return lines, lineOf
}

// Marker is how the fixture numbers a clause: 29. (d) [^1]:
func Marker(cl *corpus.Clause) string {
	switch id := cl.ID; {
	case strings.HasPrefix(id, "fn."):
		return "[^" + strings.TrimPrefix(id, "fn.") + "]:"
	case strings.Contains(id, "("):
		return id[strings.IndexByte(id, '('):]
	default:
		return id + "."
	}
}

// Text joins lines into a file's contents.
func Text(lines []string) string { return strings.Join(lines, "\n") + "\n" }
