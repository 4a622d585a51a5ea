package dataset_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/synth"
)

// BenchmarkScaleLoad is the --data path (parse and check every YAML file)
// on synthetic corpora of n× the shipped one; see pkg/synth for sizes.
func BenchmarkScaleLoad(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.Name(n), func(b *testing.B) {
			docs, maps, err := synth.FS(n)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, probs := dataset.Load(docs, maps, "bench"); probs != nil {
					b.Fatal(probs)
				}
			}
		})
	}
}
