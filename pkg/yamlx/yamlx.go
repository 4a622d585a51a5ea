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
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Decode strictly decodes data into v (unknown fields, duplicate keys and
// wrong types are refused) and returns a Locator for the same document.
// Every decoding problem is returned with its line and field path, in the
// words of the data ("expected a list, found text"), never in Go's.
//
// The data is parsed once: the node tree serves for line numbers and is
// then decoded. Node.Decode refuses duplicate keys and wrong types but has
// no KnownFields switch and names Go types, so the tree is first checked
// against v's type (unknown fields, the shape of every value); what Decode
// still refuses is translated.
func Decode(file string, data []byte, v any) (*Locator, diag.List) {
	if n := nodeBound(data); n > MaxNodes {
		return nil, diag.List{{File: file, Line: 1, Msg: fmt.Sprintf(
			"the file may hold up to %d YAML values (lists, keys and their values); files that may hold more than %d are refused", n, MaxNodes)}}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, problems(file, nil, err)
	}
	if len(root.Content) == 0 {
		return nil, diag.List{{File: file, Line: 1, Msg: "file is empty"}}
	}
	doc := root.Content[0]
	if line := tooDeep(doc, 0); line > 0 {
		return nil, diag.List{{File: file, Line: line, Msg: fmt.Sprintf("values are nested more than %d levels deep", MaxDepth)}}
	}
	var probs diag.List
	c := checker{seen: map[aliasUse]bool{}, self: map[reflect.Type]bool{}, report: func(line int, path []any, msg string) {
		probs = append(probs, diag.Problem{File: file, Line: line, Field: Field(path...), Msg: msg})
	}}
	c.node(doc, reflect.TypeOf(v))
	if err := doc.Decode(v); err != nil {
		seen := map[int]bool{}
		for _, p := range probs {
			seen[p.Line] = true
		}
		for _, p := range problems(file, doc, err) {
			if !seen[p.Line] || p.Line == 0 {
				probs = append(probs, p)
			}
		}
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, probs
	}
	return &Locator{root: doc}, nil
}

// MaxNodes bounds the YAML values a file may hold, judged before it is
// parsed: yaml.v3 builds a tree of every value first, about 250 bytes
// each, so a 31 MiB list of one-letter items took 4 GB. The bound is well
// above what data of the shipped shape holds at the 32 MiB file limit.
const MaxNodes = 3_000_000

// MaxDepth bounds nesting; the data's own types go six levels deep.
const MaxDepth = 64

// nodeBound is an upper bound on the values yaml.v3 builds for data,
// counted from the characters that introduce them: a colon brings a key
// and its value (and perhaps the mapping), a dash, comma or bracket an
// item (and perhaps the list). Text that uses these characters only makes
// the bound looser.
func nodeBound(data []byte) int {
	n := 2 // the document and its root
	for _, c := range data {
		switch c {
		case ':', '?':
			n += 3
		case '-', ',', '[', '{', '*':
			n += 2
		}
	}
	return n
}

// tooDeep returns the line of a value nested deeper than MaxDepth, or 0.
// Aliases are not followed: their anchors are checked where they stand.
func tooDeep(n *yaml.Node, depth int) int {
	if depth > MaxDepth {
		return n.Line
	}
	for _, c := range n.Content {
		if line := tooDeep(c, depth+1); line > 0 {
			return line
		}
	}
	return 0
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// checker walks a node tree against the Go type it decodes into. The path
// to the current node is a stack, turned into a field path only when a
// problem is reported, so a clean file costs no allocation per node.
type checker struct {
	report func(line int, path []any, msg string)
	seen   map[aliasUse]bool
	self   map[reflect.Type]bool // types that decode themselves
	path   []step
}

// step is one element of a field path: a key, or an index when key is "".
type step struct {
	key   string
	index int
}

// aliasUse is an anchored node checked against a type: each is checked
// once, however often it is aliased, so a chain of aliases costs no more
// than the anchors.
type aliasUse struct {
	n *yaml.Node
	t reflect.Type
}

func (c *checker) problem(line int, msg string, last ...step) {
	path := make([]any, 0, len(c.path)+len(last))
	for _, s := range append(c.path[:len(c.path):len(c.path)], last...) {
		if s.key != "" {
			path = append(path, s.key)
		} else {
			path = append(path, s.index)
		}
	}
	c.report(line, path, msg)
}

// child checks n as the element s of the current node.
func (c *checker) child(n *yaml.Node, t reflect.Type, s step) {
	c.path = append(c.path, s)
	c.node(n, t)
	c.path = c.path[:len(c.path)-1]
}

// decodesItself reports whether t implements yaml.Unmarshaler, or is an
// interface that takes anything.
func (c *checker) decodesItself(t reflect.Type) bool {
	d, ok := c.self[t]
	if !ok {
		d = t.Kind() == reflect.Interface || t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType)
		c.self[t] = d
	}
	return d
}

// node reports every mapping key that names no field of the struct it is
// decoded into, and every value whose shape does not fit its field: a list
// where text is expected, text where a list is, and so on. Nulls and types
// that decode themselves are left to Node.Decode.
func (c *checker) node(n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if u := (aliasUse{n.Alias, t}); !c.seen[u] {
			c.seen[u] = true
			c.node(n.Alias, t)
		}
		return
	}
	if n.Tag == "!!null" || c.decodesItself(t) {
		return
	}
	if !fits(n, t) {
		c.problem(n.Line, fmt.Sprintf("expected %s, found %s", wantWords(t), foundWords(n)))
		return
	}
	if t.Kind() == reflect.String && n.Tag == "!!binary" {
		// It would decode to any bytes at all: NUL, invalid UTF-8.
		c.problem(n.Line, "expected text, found binary data (a !!binary value); write the text itself")
		return
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		for i, e := range n.Content {
			c.child(e, t.Elem(), step{index: i})
		}
	case reflect.Map:
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.child(n.Content[i+1], t.Elem(), keyStep(n.Content[i].Value))
		}
	case reflect.Struct:
		fields := structFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			switch k.Tag {
			case "!!merge": // << lends the pairs of a mapping, or of each in a list
				v := n.Content[i+1]
				if v.Kind == yaml.SequenceNode {
					for _, e := range v.Content {
						c.node(e, t)
					}
				} else {
					c.node(v, t)
				}
				continue
			case "!!null": // yaml.v3 would skip the pair without a word
				c.problem(k.Line, "a key is missing before the colon")
				continue
			}
			if ft, ok := fields[k.Value]; ok {
				c.child(n.Content[i+1], ft, keyStep(k.Value))
			} else {
				c.problem(k.Line, unknownField(k.Value, fields), keyStep(k.Value))
			}
		}
	}
}

// keyStep is a step by key; an empty key is written "" so it is not taken
// for an index.
func keyStep(k string) step {
	if k == "" {
		return step{key: `""`}
	}
	return step{key: k}
}

// fits reports whether node n can decode into t, by yaml.v3's rules: any
// scalar into text, numbers into numbers, booleans into booleans.
func fits(n *yaml.Node, t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return n.Kind == yaml.MappingNode
	case reflect.Slice, reflect.Array:
		return n.Kind == yaml.SequenceNode
	case reflect.String:
		return n.Kind == yaml.ScalarNode
	case reflect.Bool:
		// yaml.v3 also takes YAML 1.1's yes/no/on/off as text.
		return n.Kind == yaml.ScalarNode && (n.Tag == "!!bool" || n.Tag == "!!str")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		// Range and fractions are Node.Decode's to refuse.
		return n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float")
	}
	return true
}

// unknownField explains a key that names no field, with the nearest field
// or, failing that, the fields there are.
func unknownField(key string, fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	if hint := diag.DidYouMean(key, names); hint != "" {
		return "unknown field" + hint
	}
	return "unknown field; the fields here are " + strings.Join(names, ", ")
}

// wantWords names what a Go type accepts, as a data author would say it.
func wantWords(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping (key: value lines)"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	}
	return "another kind of value"
}

// foundWords names what a node holds.
func foundWords(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return tagWords(n.Tag, n.Value)
}

// tagWords names a scalar by its resolved tag, quoting a short value.
func tagWords(tag, value string) string {
	if r := []rune(value); len(r) > 40 {
		value = string(r[:39]) + "…"
	}
	switch tag {
	case "!!seq":
		return "a list"
	case "!!map":
		return "a mapping"
	case "!!null":
		return "nothing"
	case "!!bool":
		return "the boolean " + value
	case "!!int", "!!float":
		return "the number " + value
	case "!!timestamp":
		return "the date " + value
	case "!!binary":
		return "binary data"
	case "", "!!str":
		return fmt.Sprintf("the text %q", value)
	}
	return fmt.Sprintf("a value tagged %q", tag)
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

// lineRe is compiled on first use, when a file has a problem.
var lineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^(?:yaml: )?line (\d+): (.*)$`) })

// unmarshalRe matches yaml.v3's type errors: the node's tag, a scalar's
// value, and the Go type, which the user must never see.
var unmarshalRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("(?s)^cannot unmarshal (!![a-z]+)(?: `(.*)`)? into (.+)$")
})

// decodeAsRe matches yaml.v3's refusal of a scalar its explicit tag does
// not fit ("cannot decode !!str `x` as a !!int").
var decodeAsRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("(?s)^cannot decode (!![a-z]+) `(.*)` as a (!![a-z]+)$")
})

// tagWant names what a tag asks for.
func tagWant(tag string) string {
	switch tag {
	case "!!int":
		return "a whole number"
	case "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!timestamp":
		return "a date"
	case "!!str":
		return "text"
	}
	return fmt.Sprintf("a value tagged %q", tag)
}

var dupKeyRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^mapping key (".*") already defined at line (\d+)$`)
})

// problems turns a yaml.v3 error into located problems in the data's words.
// doc, when known, gives the field path of a line.
func problems(file string, doc *yaml.Node, err error) diag.List {
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
		if sub := lineRe().FindStringSubmatch(p.Msg); sub != nil {
			p.Line, _ = strconv.Atoi(sub[1])
			p.Msg = sub[2]
			// yaml.v3 reports an unclosed flow collection at the 0-based
			// line of its opening bracket; make it 1-based.
			if strings.HasPrefix(p.Msg, "did not find expected ',' or") {
				p.Line++
			}
		}
		p.Msg = plainWords(p.Msg)
		if doc != nil && p.Line > 0 {
			p.Field = Field(pathAt(doc, p.Line, nil)...)
		}
		out = append(out, p)
	}
	return out
}

// plainWords rewrites the yaml.v3 messages that speak of Go or of the
// decoder's internals.
func plainWords(msg string) string {
	if sub := unmarshalRe().FindStringSubmatch(msg); sub != nil {
		return fmt.Sprintf("expected %s, found %s", goTypeWords(sub[3]), tagWords(sub[1], sub[2]))
	}
	if sub := dupKeyRe().FindStringSubmatch(msg); sub != nil {
		return fmt.Sprintf("duplicate key %s (first at line %s)", sub[1], sub[2])
	}
	switch {
	case strings.Contains(msg, "invalid leading UTF-8 octet") || strings.Contains(msg, "incomplete UTF-8 octet sequence") ||
		strings.Contains(msg, "invalid trailing UTF-8 octet") || strings.Contains(msg, "invalid Unicode character"):
		return "the file is not UTF-8 text (" + msg + "); save it as UTF-8"
	case msg == "control characters are not allowed":
		return "the file is not text: it contains control characters"
	case strings.HasPrefix(msg, "invalid map key:"):
		return "a key must be text, a number or true/false, not a list or a mapping"
	case strings.Contains(msg, "!!binary") && strings.Contains(msg, "base64"):
		return "a value marked as binary must be base64 text"
	}
	if sub := decodeAsRe().FindStringSubmatch(msg); sub != nil {
		return fmt.Sprintf("expected %s, found %s", tagWant(sub[3]), tagWords(sub[1], sub[2]))
	}
	return msg
}

// goTypeWords names a Go type from a yaml.v3 message the way wantWords does.
func goTypeWords(t string) string {
	t = strings.TrimLeft(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return "a mapping (key: value lines)"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case sizedInts[t] != "":
		return "a whole number from " + sizedInts[t]
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	}
	return "another kind of value"
}

// sizedInts are the ranges of the sized integer types.
var sizedInts = map[string]string{
	"int8": "-128 to 127", "int16": "-32768 to 32767", "int32": "-2147483648 to 2147483647",
	"uint": "0 up", "uint8": "0 to 255", "uint16": "0 to 65535", "uint32": "0 to 4294967295", "uint64": "0 up",
}

// pathAt finds the field path of the first value that starts on line.
func pathAt(n *yaml.Node, line int, path []any) []any {
	at := func(k any) []any { return append(path[:len(path):len(path)], k) }
	switch n.Kind {
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if c.Line == line {
				return at(i)
			}
			if p := pathAt(c, line, at(i)); p != nil {
				return p
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Line == line || v.Line == line {
				return at(k.Value)
			}
			if p := pathAt(v, line, at(k.Value)); p != nil {
				return p
			}
		}
	}
	return nil
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
			// A key is the data's text: escaped like a value, so no
			// control or bidi character reaches the terminal.
			if strings.IndexFunc(k, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
				k = strconv.Quote(k)
			}
			b.WriteString(k)
		case int:
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}
