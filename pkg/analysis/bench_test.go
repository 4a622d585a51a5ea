package analysis_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
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
