package view

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
)

// SchemaFor names the JSON a command writes and the view types it can be:
// the JSON Schema published as pkg/view/schemas/<Name>.schema.json is generated
// from these types (go generate ./pkg/view), and the tests validate every
// --format json output against it.
type SchemaFor struct {
	Name  string // the command (and the file name)
	Title string
	Types []any // the views the command writes; more than one → oneOf
}

// Schemas lists every JSON the CLI writes, in the order of the README.
var Schemas = []SchemaFor{
	{"export", "crosswalk export --format json: the whole dataset (schema_version " + SchemaVersion + ")", []any{Export{}}},
	{"compare", "crosswalk compare: the alignment matrix", []any{Compare{}}},
	{"divergences", "crosswalk divergences", []any{Divergences{}}},
	{"pairs", "crosswalk pairs", []any{Pairs{}}},
	{"qualifiers", "crosswalk qualifiers", []any{Qualifiers{}}},
	{"evolution", "crosswalk evolution", []any{Evolution{}}},
	{"gaps", "crosswalk gaps", []any{Gaps{}}},
	{"principles", "crosswalk principles", []any{Principles{}}},
	{"emphasis", "crosswalk emphasis", []any{Emphasis{}}},
	{"stats", "crosswalk stats", []any{Stats{}}},
	{"show", "crosswalk show (a clause, or a whole document)", []any{Show{}, Read{}}},
	{"themes", "crosswalk themes", []any{Themes{}}},
	{"docs", "crosswalk docs", []any{Docs{}}},
	{"diff", "crosswalk diff", []any{Diff{}}},
	{"lineage", "crosswalk lineage", []any{Lineage{}}},
	{"terms", "crosswalk terms (counts, or distinctive terms without TERM)", []any{Terms{}, Distinctive{}}},
	{"audit", "crosswalk audit", []any{Audit{}}},
	{"suggest", "crosswalk suggest (suggestions, or --evaluate)", []any{Suggest{}, SuggestEvaluation{}}},
	{"agree", "crosswalk agree", []any{Agree{}}},
	{"version", "crosswalk version", []any{Version{}}},
}

// SchemaBaseURL is where the published schemas live, for their $id.
const SchemaBaseURL = "https://github.com/crosswalk-dev/crosswalk/pkg/view/schemas/"

// JSONSchema generates the JSON Schema (draft 2020-12) of s from its Go
// types: every field the JSON carries is required unless omitempty, no
// other field is allowed, pointers may be null, and the `schema:"enum=a|b"`
// tag lists a string's values.
func (s SchemaFor) JSONSchema() ([]byte, error) {
	g := &gen{defs: map[string]any{}}
	root := map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$id":     SchemaBaseURL + s.Name + ".schema.json",
		"title":   s.Title,
	}
	if len(s.Types) == 1 {
		root["$ref"] = g.ref(reflect.TypeOf(s.Types[0]))
	} else {
		var one []any
		for _, t := range s.Types {
			one = append(one, map[string]any{"$ref": g.ref(reflect.TypeOf(t))})
		}
		root["oneOf"] = one
	}
	root["$defs"] = g.defs
	return json.MarshalIndent(root, "", "  ")
}

type gen struct{ defs map[string]any }

// ref defines a struct type once under $defs and points at it.
func (g *gen) ref(t reflect.Type) string {
	name := t.Name()
	if p := t.PkgPath(); p != "" && !strings.HasSuffix(p, "/view") {
		name = p[strings.LastIndex(p, "/")+1:] + "." + name
	}
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = true // placeholder against recursion
		g.defs[name] = g.object(t)
	}
	return "#/$defs/" + name
}

func (g *gen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	required := []string{}
	g.fields(t, props, &required)
	sort.Strings(required)
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
}

// fields adds t's JSON fields, with embedded structs flattened as
// encoding/json does.
func (g *gen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			g.fields(f.Type, props, required)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		sch := g.schema(f.Type)
		if enum, ok := strings.CutPrefix(f.Tag.Get("schema"), "enum="); ok {
			sch = map[string]any{"type": "string", "enum": strings.Split(enum, "|")}
		}
		props[name] = sch
		if !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
	}
}

func (g *gen) schema(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Pointer:
		return map[string]any{"anyOf": []any{g.schema(t.Elem()), map[string]any{"type": "null"}}}
	case reflect.Struct:
		return map[string]any{"$ref": g.ref(t)}
	case reflect.Interface:
		return map[string]any{}
	}
	panic("view: no JSON Schema for " + t.String())
}
