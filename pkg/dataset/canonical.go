package dataset

import (
	"reflect"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

// canonical gives loaded data one form whichever way it was loaded: YAML
// tells an empty list ([]) from an absent one, gob (the cache) does not.
// Every empty list becomes nil, except the lists JSON always writes as
// arrays, which are never nil; a clause's Doc is left alone.
func canonical(ds *Dataset) {
	emptyToNil(reflect.ValueOf(ds.Corpus.Docs))
	emptyToNil(reflect.ValueOf(ds.Corpus.Themes).Elem())
	emptyToNil(reflect.ValueOf(ds.Mappings.Files))
	for _, d := range ds.Corpus.Docs {
		d.Source.Flaws = nonNil(d.Source.Flaws)
		d.Source.Furniture = nonNil(d.Source.Furniture)
		for i := range d.Clauses {
			d.Clauses[i].Heading = nonNil(d.Clauses[i].Heading)
		}
	}
}

var docType = reflect.TypeFor[*corpus.Document]()

func emptyToNil(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			emptyToNil(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			// A clause's Doc points back at the document being walked.
			if f := v.Type().Field(i); f.IsExported() && f.Type != docType {
				emptyToNil(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.Len() == 0 && !v.IsNil() && v.CanSet() {
			v.SetZero()
		}
		for i := range v.Len() {
			emptyToNil(v.Index(i))
		}
	case reflect.Map:
		if v.Len() == 0 && !v.IsNil() && v.CanSet() {
			v.SetZero()
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
