package oscal

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

var schemaPath = filepath.Join("..", "..", "testdata", "oscal", "oscal_complete_schema-1.2.2.json")

// Validator compiles NIST's OSCAL schema (for other packages' tests too).
func validator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("oscal_complete_schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("oscal_complete_schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func encode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCollectionValidatesAndRoundTrips(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	doc := FromDataset(ds)
	out := encode(t, doc)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := validator(t).Validate(inst); err != nil {
		t.Fatalf("the collection does not validate against the OSCAL schema: %v", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil || len(top) != 1 || top["mapping-collection"] == nil {
		t.Fatalf("the document must be a mapping-collection alone, got keys %v", reflect.ValueOf(top).MapKeys())
	}

	var back Document
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	got, err := back.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	want := PairsOf(ds.Mappings)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("read back %d pairs, want %d", len(got), len(want))
	}
	sortPairs(got)
	sortPairs(want)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("pair %d read back as\n  %+v\nwant\n  %+v", i, got[i], want[i])
		}
	}
	// The same data always gives the same document.
	if again := encode(t, FromDataset(ds)); !bytes.Equal(again, out) {
		t.Error("two exports of the same data differ")
	}
}

// The schema check has teeth: a relationship that is not a token, or a map
// without targets, is refused.
func TestSchemaRefusesBrokenCollections(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	v := validator(t)
	for name, breakIt := range map[string]func(*Document){
		"relationship with a space": func(d *Document) { d.Collection.Mappings[0].Maps[0].Relationship = "equal to" },
		"map without targets":       func(d *Document) { d.Collection.Mappings[0].Maps[0].Targets = []Item{} },
		"bad uuid":                  func(d *Document) { d.Collection.UUID = "not-a-uuid" },
		"unknown method":            func(d *Document) { d.Collection.Provenance.Method = "guess" },
	} {
		doc := FromDataset(ds)
		breakIt(doc)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(encode(t, doc)))
		if err != nil {
			t.Fatal(err)
		}
		if v.Validate(inst) == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}
