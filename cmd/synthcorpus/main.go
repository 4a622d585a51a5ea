// Command synthcorpus writes a synthetic --data directory of n copies of
// the embedded corpus with distinct texts, for measuring crosswalk at scale:
//
//	go run ./cmd/synthcorpus -n 10 -o /tmp/x10
//	crosswalk --data /tmp/x10 validate
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/synth"
)

func main() {
	n := flag.Int("n", 10, "copies of the corpus")
	dir := flag.String("o", "", "output `DIR` (created; must not hold other data)")
	flag.Parse()
	if *dir == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: synthcorpus -n N -o DIR")
		os.Exit(2)
	}
	if err := run(*n, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
}

func run(n int, dir string) error {
	ds, err := dataset.Embedded()
	if err != nil {
		return err
	}
	files, err := synth.Files(ds, documents.FS, n)
	if err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
