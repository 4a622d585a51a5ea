package view

import (
	"os"
	"path/filepath"
	"testing"
)

//go:generate go run ./internal/genschema -o schemas

// The published schemas are what the view types generate.
func TestSchemasAreFresh(t *testing.T) {
	for _, s := range Schemas {
		want, err := s.JSONSchema()
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("schemas", s.Name+".schema.json"))
		if err != nil || string(got) != string(want)+"\n" {
			t.Errorf("schemas/%s.schema.json is stale or missing: run go generate ./pkg/view (%v)", s.Name, err)
		}
	}
}
