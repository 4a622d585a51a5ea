package compare

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

func benchData(b *testing.B) *dataset.Dataset {
	ds, err := dataset.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

func BenchmarkBuildMatrix(b *testing.B) {
	ds := benchData(b)
	for b.Loop() {
		BuildMatrix(ds.Corpus, ds.Mappings, Filter{})
	}
}

func BenchmarkFindGaps(b *testing.B) {
	ds := benchData(b)
	for b.Loop() {
		FindGaps(ds.Corpus, ds.Mappings, Filter{}, GapOptions{GDCSide: true, CNSide: true})
	}
}

func BenchmarkComputeStats(b *testing.B) {
	ds := benchData(b)
	for b.Loop() {
		ComputeStats(ds.Corpus, ds.Mappings, Filter{})
	}
}

func BenchmarkComputeEmphasis(b *testing.B) {
	ds := benchData(b)
	for b.Loop() {
		ComputeEmphasis(ds.Corpus, Filter{})
	}
}
