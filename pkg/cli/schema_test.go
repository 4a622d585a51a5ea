package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Map // name → *jsonschema.Schema
	schemaDir  = filepath.Join("..", "view", "schemas")
)

func reportSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	if s, ok := schemaOnce.Load(name); ok {
		return s.(*jsonschema.Schema)
	}
	path := filepath.Join(schemaDir, name+".schema.json")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no published schema for %s: %v", name, err)
	}
	s := compileSchema(t, path)
	schemaOnce.Store(name, s)
	return s
}

func validateJSON(t *testing.T, name, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if err := reportSchema(t, name).Validate(inst); err != nil {
		t.Errorf("%s output does not validate against pkg/view/schemas/%s.schema.json:\n%v", name, name, err)
	}
}

// Every --format json output validates against its published schema: on
// the embedded data, on the fixture, and on data with a missing mapping
// file and a draft (null scores, not-reviewed cells).
func TestEveryJSONOutputValidatesAgainstItsSchema(t *testing.T) {
	cmds := append([][]string{}, reports...)
	cmds = append(cmds, []string{"export"}, []string{"version"}, []string{"audit", "--warn"}, []string{"suggest", "--evaluate"},
		[]string{"gaps", "--side", "cn"}, []string{"show", "cn-africa-2021:6"}, []string{"show", "gdc:fn.6"})
	draft := withoutPositionMapping(t)
	edit(t, filepath.Join(draft, "mappings", "cn-speech-2014.yaml"), "\nstatus: complete\n", "\nstatus: draft\n")
	// The draft keeps only the records of GDC 1 and 2: it decides those alone.
	b, _ := os.ReadFile(filepath.Join(draft, "mappings", "cn-speech-2014.yaml"))
	if i := bytes.Index(b, []byte("  - source: \"3\"")); i > 0 {
		if err := os.WriteFile(filepath.Join(draft, "mappings", "cn-speech-2014.yaml"), b[:i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	datas := map[string][]string{"embedded": nil, "fixture": {"--data", fixture}, "not-reviewed": {"--data", draft}}
	for dname, data := range datas {
		for _, args := range cmds {
			if dname == "fixture" && (args[0] == "audit" || (args[0] == "show" && len(args) > 1 && strings.HasPrefix(args[1], "cn-africa"))) {
				continue // the fixture has no audit exceptions file and no Africa initiative
			}
			t.Run(dname+"/"+strings.Join(args, "_"), func(t *testing.T) {
				r := run(t, 80, false, append(append(append([]string{}, data...), args...), "--format", "json")...)
				if r.err != nil {
					t.Fatalf("%v\n%s", r.err, r.errOut)
				}
				validateJSON(t, args[0], r.out)
			})
		}
		t.Run(dname+"/agree", func(t *testing.T) {
			validateJSON(t, "agree", runOK(t, append(append([]string{}, data...), "agree", "--with", copyData(t), "--format", "json")...))
		})
	}
}

// The schemas have teeth: a renamed field or a wrong value is refused.
func TestSchemasRefuseDrift(t *testing.T) {
	out := runOK(t, "stats", "--format", "json")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	v["per_documents"] = v["per_document"]
	delete(v, "per_document")
	b, _ := json.Marshal(v)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if reportSchema(t, "stats").Validate(inst) == nil {
		t.Error("a renamed field passed")
	}
	bad := strings.Replace(runOK(t, "compare", "--format", "json"), `"stance": "partial"`, `"stance": "partly"`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if reportSchema(t, "compare").Validate(inst) == nil {
		t.Error("an unknown stance passed")
	}
}

// The README's tables of JSON fields agree with the schemas: every field
// they name is a property of that report's schema.
func TestReadmeJSONTablesMatchSchemas(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "### Report JSON")
	if start < 0 {
		t.Fatal("README has no Report JSON section")
	}
	section = section[start:]
	if end := strings.Index(section[4:], "\n## "); end > 0 {
		section = section[:end+4]
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z]+)` \\| (.*) \\|$")
	field := regexp.MustCompile("`([a-z_0-9]+)`")
	rows := row.FindAllStringSubmatch(section, -1)
	if len(rows) < 15 {
		t.Fatalf("found %d report rows in the README's table", len(rows))
	}
	for _, m := range rows {
		props := schemaProperties(t, m[1])
		for _, f := range field.FindAllStringSubmatch(m[2], -1) {
			if !props[f[1]] {
				t.Errorf("README: %s lists %q, which pkg/view/schemas/%s.schema.json does not have", m[1], f[1], m[1])
			}
		}
	}
}

// schemaProperties is every property name anywhere in a report's schema.
func schemaProperties(t *testing.T, name string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(schemaDir, name+".schema.json"))
	if err != nil {
		t.Fatalf("README names report %q with no schema: %v", name, err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			if p, ok := x["properties"].(map[string]any); ok {
				for k := range p {
					out[k] = true
				}
			}
			for _, v := range x {
				walk(v)
			}
		case []any:
			for _, v := range x {
				walk(v)
			}
		}
	}
	walk(doc)
	return out
}

// validateOSCAL checks a document against NIST's OSCAL schema, vendored in
// testdata/oscal.
func validateOSCAL(t *testing.T, out string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "oscal", "oscal_complete_schema-1.2.2.json")
	s := compileSchema(t, path)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("OSCAL output does not validate: %v", err)
	}
}

// compileSchema reads and compiles the JSON Schema at path.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}
