package yamlx

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
)

// every has a field of each kind the walker tells apart.
type every struct {
	S  string            `yaml:"s"`
	I  int               `yaml:"i"`
	U  uint8             `yaml:"u"`
	F  float64           `yaml:"f"`
	B  bool              `yaml:"b"`
	L  []string          `yaml:"l"`
	M  map[string]int    `yaml:"m"`
	P  *part             `yaml:"p"`
	PS []part            `yaml:"ps"`
	A  [2]string         `yaml:"a"`
	N  map[string][]part `yaml:"n"`
	X  any               `yaml:"x"`
	In struct {
		K string `yaml:"k"`
	} `yaml:",inline"`
}

// allStricter reports whether every problem is one Decode finds where
// yaml.v3 does not: a pair with no key (which yaml.v3 skips), binary data
// in a text field, and the bounds on size and depth.
func allStricter(probs diag.List) bool {
	for _, p := range probs {
		if p.Msg != "a key is missing before the colon" && !strings.Contains(p.Msg, "(a !!binary value)") &&
			!strings.Contains(p.Msg, "levels deep") && !strings.Contains(p.Msg, "YAML values") {
			return false
		}
	}
	return len(probs) > 0
}

// FuzzDecode checks Decode against yaml.v3's own strict decoder: both accept
// or both refuse the same input, and every problem is located and in the
// user's words.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"s: a\ni: 1\nu: 2\nf: 1.5\nb: true\nl: [a, b]\nm: {a: 1}\np: {name: x}\nps: [{name: y}]\na: [c, d]\nn: {k: [{name: z}]}\nx: [1, {a: b}]\nk: v\n",
		"s: [a]\n", "i: x\n", "u: 300\n", "f: x\n", "b: yes\n", "b: 1\n", "l: a\n", "m: [1]\n", "p: 3\n", "ps: [1]\n",
		"a: [1, 2, 3]\n", "n: {k: [{bogus: 1}]}\n", "s: &x [a]\nl: *x\n", "l: &x [a]\ns: *x\n", "ps: [&p {name: a}, *p]\n",
		"bogus: 1\n", "s: a\ns: b\n", "<<: {s: a}\n", "i: 1.0\n", "i: 1.5\n", "s: !!binary aGk=\n", "- a\n", "x", "{", "s: 'a\n",
		"a: &a [x, *a]\n", "s: \xe9\n", "x: {[]}\n", "s: !!int x\n", "x: !!timestamp x\n", "x: !!binary '%%'\n", "i: !!str 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got every
		_, probs := Decode("f.yaml", data, &got)
		var want every
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		err := dec.Decode(&want)
		if empty := len(bytes.TrimSpace(data)) == 0; empty {
			return // yaml.v3 says io.EOF or accepts a comment; Decode says "file is empty"
		}
		if err == nil && allStricter(probs) {
			return // stricter than yaml.v3
		}
		if (len(probs) == 0) != (err == nil) {
			t.Fatalf("Decode and yaml.v3 disagree on %q:\nDecode: %v\nyaml.v3: %v", data, probs, err)
		}
		for _, p := range probs {
			if p.Msg == "" || p.File != "f.yaml" {
				t.Fatalf("problem without a message or file: %+v", p)
			}
			// A fragment the input itself holds (a key named "0!!str") is
			// the user's words echoed back, not Go's.
			if leak := diagtest.Leak(p.String()); leak != "" && !bytes.Contains(data, []byte(leak)) {
				t.Fatalf("%q speaks of Go (%s), for input %q", p, leak, data)
			}
		}
	})
}
