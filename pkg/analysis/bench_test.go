package analysis_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/synth"
)

func BenchmarkLineage(b *testing.B) {
	c := embedded(b)
	for b.Loop() {
		analysis.Lineage(c.Docs, analysis.DefaultMinRun)
	}
}

func BenchmarkNewIndex(b *testing.B) {
	d, _ := embedded(b).Doc("cn-whitepaper-2022")
	for b.Loop() {
		analysis.NewIndex(d)
	}
}

// BenchmarkSuggest is one suggest command: build the four indexes, query once.
func BenchmarkSuggest(b *testing.B) {
	c := embedded(b)
	src := clause(b, c, "gdc:29(d)")
	for b.Loop() {
		if _, err := analysis.Suggest(c, src, nil, 5); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch is one query against a built index, as Evaluate runs them.
func BenchmarkSearch(b *testing.B) {
	c := embedded(b)
	d, _ := c.Doc("cn-whitepaper-2022")
	ix := analysis.NewIndex(d)
	q := clause(b, c, "gdc:29(d)").Text
	for b.Loop() {
		ix.Search(q, 5)
	}
}

func BenchmarkDiff(b *testing.B) {
	c := embedded(b)
	x, y := clause(b, c, "cn-africa-2021:6").Text, clause(b, c, "cn-whitepaper-2022:4.4.1").Text
	for b.Loop() {
		analysis.Diff(x, y, analysis.DiffOptions{MinRun: 12})
	}
}

// BenchmarkDiffLong diffs two long clauses across scripts.
func BenchmarkDiffLong(b *testing.B) {
	c := embedded(b)
	x, y := clause(b, c, "cn-speech-2014:1.4").Text, clause(b, c, "cn-whitepaper-2022:3.2.2.1").Text
	for b.Loop() {
		analysis.Diff(x, y, analysis.DiffOptions{})
	}
}

// BenchmarkScale runs lineage, terms and suggest on synthetic corpora of
// n× the shipped one (see pkg/synth for the sizes).
func BenchmarkScale(b *testing.B) {
	engines := []struct {
		name string
		run  func(*testing.B, *corpus.Corpus)
	}{
		{"lineage", func(_ *testing.B, c *corpus.Corpus) { analysis.Lineage(c.Docs, 0) }},
		{"terms", func(_ *testing.B, c *corpus.Corpus) {
			analysis.Terms(c.Docs, []analysis.Query{analysis.Forms(c, "数字鸿沟", false), analysis.Forms(c, "网络主权", false)})
		}},
		{"distinctive", func(_ *testing.B, c *corpus.Corpus) { analysis.Distinctive(c, 20) }},
		{"suggest", func(b *testing.B, c *corpus.Corpus) {
			if _, err := analysis.Suggest(c, clause(b, c, "gdc:29(d)"), nil, 5); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, n := range synth.Sizes() {
		for _, e := range engines {
			b.Run(synth.Name(n)+"/"+e.name, func(b *testing.B) {
				ds, err := synth.Load(n)
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					e.run(b, ds.Corpus)
				}
			})
		}
	}
}
