package compare

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/synth"
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

// BenchmarkScale runs every report engine on synthetic corpora of n× the
// shipped one (see pkg/synth for the sizes).
func BenchmarkScale(b *testing.B) {
	engines := []struct {
		name string
		run  func(*dataset.Dataset)
	}{
		{"matrix", func(ds *dataset.Dataset) { BuildMatrix(ds.Corpus, ds.Mappings, Filter{}) }},
		{"divergences", func(ds *dataset.Dataset) { Divergences(ds.Corpus, ds.Mappings, Filter{}) }},
		{"gaps", func(ds *dataset.Dataset) {
			FindGaps(ds.Corpus, ds.Mappings, Filter{}, GapOptions{GDCSide: true, CNSide: true})
		}},
		{"principles", func(ds *dataset.Dataset) { Principles(ds.Corpus, ds.Mappings, Filter{}) }},
		{"stats", func(ds *dataset.Dataset) { ComputeStats(ds.Corpus, ds.Mappings, Filter{}) }},
		{"emphasis", func(ds *dataset.Dataset) { ComputeEmphasis(ds.Corpus, Filter{}) }},
		{"links", func(ds *dataset.Dataset) {
			cl, _ := ds.Corpus.Resolve("gdc:29(d)")
			LinksOf(ds.Corpus, ds.Mappings, cl)
		}},
	}
	for _, n := range synth.Sizes() {
		for _, e := range engines {
			b.Run(e.name+"/"+synth.Name(n), func(b *testing.B) {
				ds, err := synth.Load(n)
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					e.run(ds)
				}
			})
		}
	}
}
