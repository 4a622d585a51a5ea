// Package diagtest helps tests check what users are told: messages must be
// in the user's words, never Go's.
package diagtest

import (
	"regexp"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// leaks are fragments that mean Go's internals reached a message: a Go type
// (package-qualified, a composite or a pointer), strconv or reflect text,
// yaml.v3 tags, fmt's bad-verb marks, a panic, or a temporary file's name.
var leaks = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:corpus|mapping|yamlx|cli|view|report|compare|analysis|audit|dataset|diag|iostreams|textnorm|synth|main|yaml|os|fs|io|strconv|reflect|time|json|csv|exec|pflag|cobra|syscall)\.[A-Z]\w*` +
		`|\*[a-z]\w*\.[A-Za-z]` + `|\bmap\[\w*\]|\[\](?:string|int|byte|rune|\*?[a-z]+\.)|\binterface \{|\bstruct \{` +
		`|\bstrconv\.|\breflect\.|parsing "": (?:invalid syntax|value out of range)` +
		`|!!(?:seq|map|str|int|float|bool|null|timestamp|binary|merge)\b|\binto (?:string|int\d*|bool|float\d*)\b` +
		`|%!\w?\(|<nil>|\bgoroutine \d|\bpanic:|runtime error` +
		`|` + regexp.QuoteMeta(diag.TempMarker))
})

// quoted is a Go-quoted string (%q): the user's own input, which may hold
// anything.
var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"(?:[^"\\]|\\.)*"`) })

// Leak returns the first fragment of msg that speaks of Go rather than to
// the user, or "" if there is none. Quoted values are the user's words and
// are not looked into.
func Leak(msg string) string {
	return leaks().FindString(quoted().ReplaceAllString(msg, `""`))
}
