package iostreams

import (
	"errors"
	"strings"
)

// SplitCommand splits a command line the way a POSIX shell splits words:
// blanks separate words, single quotes keep everything, double quotes keep
// everything but \\, \", \$ and \` escapes, and a backslash outside quotes
// escapes the next character. Nothing is expanded.
func SplitCommand(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\\':
			if i+1 == len(rs) {
				return nil, errors.New("it ends with a backslash")
			}
			i++
			if rs[i] != '\n' { // a backslash-newline joins lines
				w.WriteRune(rs[i])
				inWord = true
			}
		case c == '\'':
			end := indexRune(rs, i+1, '\'')
			if end < 0 {
				return nil, errors.New("a single quote is not closed")
			}
			w.WriteString(string(rs[i+1 : end]))
			i, inWord = end, true
		case c == '"':
			i++
			for ; i < len(rs) && rs[i] != '"'; i++ {
				if rs[i] == '\\' && i+1 < len(rs) && strings.ContainsRune("\\\"$`\n", rs[i+1]) {
					i++
					if rs[i] == '\n' {
						continue
					}
				}
				w.WriteRune(rs[i])
			}
			if i == len(rs) {
				return nil, errors.New("a double quote is not closed")
			}
			inWord = true
		default:
			w.WriteRune(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

func indexRune(rs []rune, from int, r rune) int {
	for i := from; i < len(rs); i++ {
		if rs[i] == r {
			return i
		}
	}
	return -1
}
