package synth

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/crosswalk-dev/crosswalk/documents"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

// LargeEnv names the environment variable that adds the 100× corpus to
// the scale benchmarks; it takes seconds to generate and load.
const LargeEnv = "CROSSWALK_BENCH_LARGE"

// Sizes are the corpus sizes the scale benchmarks run at: 1× and 10×, and
// 100× when $CROSSWALK_BENCH_LARGE is set.
func Sizes() []int {
	if os.Getenv(LargeEnv) != "" {
		return []int{1, 10, 100}
	}
	return []int{1, 10}
}

// Name is a size's sub-benchmark name, e.g. x10; `-bench 'Scale/x1$'`
// runs the 1× ones only.
func Name(n int) string { return fmt.Sprintf("x%d", n) }

var cache = struct {
	sync.Mutex
	files map[int]map[string][]byte
	data  map[int]*dataset.Dataset
}{files: map[int]map[string][]byte{}, data: map[int]*dataset.Dataset{}}

// FS returns the documents and mappings folders of the n× corpus, in
// memory, generated once per process.
func FS(n int) (docs, maps fs.FS, err error) {
	cache.Lock()
	defer cache.Unlock()
	files, ok := cache.files[n]
	if !ok {
		ds, err := dataset.Embedded()
		if err != nil {
			return nil, nil, err
		}
		if files, err = Files(ds, documents.FS, n); err != nil {
			return nil, nil, err
		}
		cache.files[n] = files
	}
	d, m := fstest.MapFS{}, fstest.MapFS{}
	for name, b := range files {
		dir, rest, _ := strings.Cut(name, "/")
		map[string]fstest.MapFS{"documents": d, "mappings": m}[dir][rest] = &fstest.MapFile{Data: b}
	}
	return d, m, nil
}

// Load returns the n× corpus loaded and checked, once per process.
func Load(n int) (*dataset.Dataset, error) {
	cache.Lock()
	ds, ok := cache.data[n]
	cache.Unlock()
	if ok {
		return ds, nil
	}
	docs, maps, err := FS(n)
	if err != nil {
		return nil, err
	}
	ds, probs := dataset.Load(docs, maps, Name(n))
	if err := probs.Err(); err != nil {
		return nil, err
	}
	cache.Lock()
	cache.data[n] = ds
	cache.Unlock()
	return ds, nil
}
