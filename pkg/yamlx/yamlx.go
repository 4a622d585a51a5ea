// Package yamlx decodes YAML strictly and finds the line of any field, so
// loaders can report file:line:field for semantic errors as well as syntax ones.
package yamlx

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Decode strictly decodes data into v (unknown fields, duplicate keys and
// wrong types are refused) and returns a Locator for the same document.
// Every decoding problem is returned with its line.
//
// The data is parsed once: the node tree serves for line numbers and is
// then decoded. Node.Decode refuses duplicate keys and wrong types but has
// no KnownFields switch, so unknown fields are found by walking the tree
// against v's type first.
func Decode(file string, data []byte, v any) (*Locator, diag.List) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, problems(file, err)
	}
	if len(root.Content) == 0 {
		return nil, diag.List{{File: file, Line: 1, Msg: "file is empty"}}
	}
	doc := root.Content[0]
	var msgs []string
	unknownFields(doc, reflect.TypeOf(v), &msgs)
	if err := doc.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, problems(file, err)
		}
		msgs = append(msgs, te.Errors...)
	}
	if len(msgs) > 0 {
		probs := problems(file, &yaml.TypeError{Errors: msgs})
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, probs
	}
	return &Locator{root: doc}, nil
}

// unknownFields reports, in yaml.v3's words, every mapping key that names
// no field of the struct it is decoded into.
func unknownFields(n *yaml.Node, t reflect.Type, msgs *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case n.Kind == yaml.SequenceNode && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		for _, c := range n.Content {
			unknownFields(c, t.Elem(), msgs)
		}
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Map:
		for i := 1; i < len(n.Content); i += 2 {
			unknownFields(n.Content[i], t.Elem(), msgs)
		}
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		fields := structFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Tag == "!!merge" {
				continue
			}
			if ft, ok := fields[k.Value]; ok {
				unknownFields(n.Content[i+1], ft, msgs)
			} else {
				*msgs = append(*msgs, fmt.Sprintf("line %d: field %s not found in type %s", k.Line, k.Value, t))
			}
		}
	}
}

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// structFields maps the YAML keys of a struct to their types, with
// yaml.v3's rules: the tag's name, else the lower-cased field name; "-"
// and unexported fields are skipped; ",inline" structs lend their keys.
func structFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, flags, _ := strings.Cut(tag, ",")
		if strings.Contains(","+flags+",", ",inline,") && f.Type.Kind() == reflect.Struct {
			for k, v := range structFields(f.Type) {
				m[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	fieldCache.Store(t, m)
	return m
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
