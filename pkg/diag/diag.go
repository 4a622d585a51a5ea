// Package diag carries data problems that name a file, a line and a field,
// so every loader reports bad input the same way and collects all of it.
package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// TempMarker is part of the name of every temporary file crosswalk writes
// (the atomic -o), so a message that names one is easy to spot in tests.
const TempMarker = ".crosswalk-tmp-"

// Problem is one thing wrong with the input data.
type Problem struct {
	File  string // path as the user would type it, relative to the data root
	Line  int    // 1-based; 0 when unknown
	Field string // dotted path such as clauses[3].themes
	Msg   string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	if p.Field != "" {
		fmt.Fprintf(&b, ": %s", p.Field)
	}
	fmt.Fprintf(&b, ": %s", p.Msg)
	return b.String()
}

// List is an error made of one or more problems.
type List []Problem

func (l List) Error() string {
	if len(l) == 1 {
		return l[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(l))
	for _, p := range l {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Sorted returns the problems ordered by file and line, for stable output.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Err returns nil for an empty list, so callers can `return l.Err()`.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.Sorted()
}

// Nearest returns the candidate closest to s by edit distance, if it is close
// enough to be a plausible typo; "" otherwise.
func Nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len([]rune(s))/2 + 1
	if limit > 4 {
		limit = 4
	}
	if bestD >= 0 && bestD <= limit {
		return best
	}
	return onlyWithPrefix(s, candidates)
}

// onlyWithPrefix is the one candidate whose leading words are s
// ("sovereignty" for sovereignty-precondition), or "" when none or several
// are: a key's first word is what people remember of it.
func onlyWithPrefix(s string, candidates []string) string {
	s = strings.ToLower(s)
	if len([]rune(s)) < 3 {
		return ""
	}
	found := ""
	for _, c := range candidates {
		if strings.HasPrefix(strings.ToLower(c), s+"-") {
			if found != "" {
				return ""
			}
			found = c
		}
	}
	return found
}

// DidYouMean formats a hint for a mistyped value, or "" when nothing is near.
func DidYouMean(s string, candidates []string) string {
	if n := Nearest(s, candidates); n != "" {
		return fmt.Sprintf(" (did you mean %q?)", n)
	}
	return ""
}

// distance is the Levenshtein distance over runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ReadProblem reports a file that could not be read, with the reason alone:
// the file is already named, so the error's own copy of the path (and its
// operation) is dropped.
func ReadProblem(file string, err error) Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{File: file, Msg: "cannot read: " + err.Error()}
}
