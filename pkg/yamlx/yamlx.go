// Package yamlx decodes YAML strictly and finds the line of any field, so
// loaders can report file:line:field for semantic errors as well as syntax ones.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Decode strictly decodes data into v (unknown fields, duplicate keys and
// wrong types are refused) and returns a Locator for the same document.
// Every decoding problem is returned with its line.
func Decode(file string, data []byte, v any) (*Locator, diag.List) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, problems(file, err)
	}
	if len(root.Content) == 0 {
		return nil, diag.List{{File: file, Line: 1, Msg: "file is empty"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, problems(file, err)
	}
	return &Locator{root: root.Content[0]}, nil
}

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// problems turns a yaml.v3 error into located problems.
func problems(file string, err error) diag.List {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out diag.List
	for _, m := range msgs {
		p := diag.Problem{File: file, Msg: strings.TrimPrefix(m, "yaml: ")}
		if sub := lineRe.FindStringSubmatch(p.Msg); sub != nil {
			p.Line, _ = strconv.Atoi(sub[1])
			p.Msg = sub[2]
			// yaml.v3 reports an unclosed flow collection at the 0-based
			// line of its opening bracket; make it 1-based.
			if strings.HasPrefix(p.Msg, "did not find expected ',' or") {
				p.Line++
			}
		}
		out = append(out, p)
	}
	return out
}

// Locator finds source lines of decoded values by path.
type Locator struct{ root *yaml.Node }

// Line returns the line of the value at path, where each element is a
// mapping key (string) or a sequence index (int). It falls back to the
// nearest enclosing node that exists, so a missing field reports the line of
// its parent.
func (l *Locator) Line(path ...any) int {
	if l == nil || l.root == nil {
		return 0
	}
	n := l.root
	for _, p := range path {
		next := child(n, p)
		if next == nil {
			break
		}
		n = next
	}
	return n.Line
}

func child(n *yaml.Node, p any) *yaml.Node {
	switch k := p.(type) {
	case string:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				return n.Content[i+1]
			}
		}
	case int:
		if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
			return n.Content[k]
		}
	}
	return nil
}

// Field renders a path the way problems name fields: clauses[3].themes[0].
func Field(path ...any) string {
	var b strings.Builder
	for _, p := range path {
		switch k := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(k)
		case int:
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}
