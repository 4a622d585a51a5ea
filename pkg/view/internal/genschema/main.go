// Command genschema writes pkg/view/schemas/<report>.schema.json, the JSON Schema of
// every JSON crosswalk writes, generated from the view types (run it with
// go generate ./pkg/view). TestSchemasAreFresh fails when they are stale.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

func main() {
	log.SetFlags(0)
	out := flag.String("o", "schemas", "output folder")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, s := range view.Schemas {
		b, err := s.JSONSchema()
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*out, s.Name+".schema.json"), append(b, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
