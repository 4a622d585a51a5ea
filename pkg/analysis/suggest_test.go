package analysis_test

import (
	"reflect"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

func TestIndexSearch(t *testing.T) {
	d := doc("t", "2024",
		"加强网络安全合作。",
		"促进数字经济发展。",
		"加强网络安全合作,加强网络安全合作,促进各方交流与互信,维护和平稳定。",
	)
	ix := analysis.NewIndex(d)
	got := ix.Search("網絡安全合作", 0) // Traditional query, Simplified index
	if len(got) != 2 {
		t.Fatalf("Search found %d clauses, want 2 (the one without a shared bigram is left out): %+v", len(got), got)
	}
	// Same bigrams, but clause 3 is long: length normalisation ranks 1 first.
	if got[0].Clause.ID != "1" || got[1].Clause.ID != "3" || got[0].Score <= got[1].Score {
		t.Errorf("order = %s (%.3f), %s (%.3f); want 1 before 3", got[0].Clause.ID, got[0].Score, got[1].Clause.ID, got[1].Score)
	}
	if want := []string{"全合", "合作", "安全", "络安", "网络"}; !reflect.DeepEqual(got[0].Matched, want) {
		t.Errorf("Matched = %v, want %v (equal contributions, in bigram order)", got[0].Matched, want)
	}
	if top := ix.Search("網絡安全合作", 1); len(top) != 1 || top[0].Clause.ID != "1" {
		t.Errorf("Search k=1 = %+v", top)
	}
	// A rarer bigram weighs more: 数字 is in one clause, 加强 in two.
	if got := ix.Search("加强数字", 0); got[0].Clause.ID != "2" {
		t.Errorf("加强数字: first is %s, want 2", got[0].Clause.ID)
	}
	if got := ix.Search("。,abc", 0); got != nil {
		t.Errorf("query without Han bigrams found %+v", got)
	}
}

func TestSuggest(t *testing.T) {
	c := embedded(t)
	src := clause(t, c, "cn-africa-2021:6")
	got, err := analysis.Suggest(c, src, []string{"cn-whitepaper-2022"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The white paper repeats the initiative's item 6 almost verbatim.
	if len(got) != 3 || got[0].Clause.QID() != "cn-whitepaper-2022:4.4.1" {
		t.Errorf("top suggestion = %+v, want cn-whitepaper-2022:4.4.1", got)
	}
	again, _ := analysis.Suggest(c, src, []string{"cn-whitepaper-2022"}, 3)
	if !reflect.DeepEqual(got, again) {
		t.Error("Suggest is not deterministic")
	}

	all, err := analysis.Suggest(c, clause(t, c, "gdc:29(d)"), nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, s := range all {
		if n := len(docs); n == 0 || docs[n-1] != s.Clause.Doc.ID {
			docs = append(docs, s.Clause.Doc.ID)
		}
	}
	if want := []string{"cn-speech-2014", "cn-africa-2021", "cn-whitepaper-2022", "cn-position-2024"}; !reflect.DeepEqual(docs, want) {
		t.Errorf("documents suggested from = %v, want %v (all but the GDC, in corpus order)", docs, want)
	}
	if len(all) != 8 {
		t.Errorf("%d suggestions, want 2 per document", len(all))
	}

	if _, err := analysis.Suggest(c, src, []string{"cn-nope"}, 3); err == nil {
		t.Error("unknown document accepted")
	}
}

func TestEvaluate(t *testing.T) {
	c := embedded(t)
	pairs := []analysis.Pair{
		{Source: "cn-africa-2021:6", Target: "cn-whitepaper-2022:4.4.1"}, // the top suggestion
		{Source: "cn-africa-2021:6", Target: "cn-whitepaper-2022:2.7.2"}, // not the top one
		{Source: "cn-africa-2021:11", Target: "cn-whitepaper-2022:4.5.1"},
		{Source: "cn-africa-2021:11", Target: "cn-whitepaper-2022:4.5.1"}, // a duplicate counts once
	}
	got, err := analysis.Evaluate(c, pairs, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.Evaluation{{Doc: "cn-whitepaper-2022", K: 1, Queries: 2, Relevant: 3, Hits: 2, Recall: 0.75, Precision: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Evaluate =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := analysis.Evaluate(c, []analysis.Pair{{Source: "gdc:99", Target: "cn-africa-2021:1"}}, 5); err == nil {
		t.Error("unknown clause accepted")
	}
	if _, err := analysis.Evaluate(c, pairs, 0); err == nil {
		t.Error("k = 0 accepted")
	}
}

// TestEvaluateCurated logs how well suggestions recover the curated
// mappings; it asserts only that every mapped document is evaluated.
func TestEvaluateCurated(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var pairs []analysis.Pair
	targets := map[string]bool{}
	for _, r := range ds.Mappings.Records() {
		if r.Stance != mapping.None {
			pairs = append(pairs, analysis.Pair{Source: r.SourceQID(), Target: r.TargetQID()})
			targets[r.TargetDoc] = true
		}
	}
	for _, k := range []int{1, 5, 10} {
		evs, err := analysis.Evaluate(ds.Corpus, pairs, k)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != len(targets) {
			t.Errorf("evaluated %d documents, want %d", len(evs), len(targets))
		}
		for _, ev := range evs {
			t.Logf("%-20s K=%-2d queries %3d  recall %.2f  precision %.2f", ev.Doc, ev.K, ev.Queries, ev.Recall, ev.Precision)
		}
	}
}

// Suggest indexes only the query's bigrams; its results must be exactly a
// full index's.
func TestSuggestEqualsFullIndex(t *testing.T) {
	c := embedded(t)
	for _, qid := range []string{"gdc:29(d)", "gdc:10", "cn-africa-2021:6", "cn-speech-2014:1.4"} {
		cl := clause(t, c, qid)
		var want []analysis.Suggestion
		for _, d := range c.Docs {
			if d != cl.Doc {
				want = append(want, analysis.NewIndex(d).Search(cl.Text, 5)...)
			}
		}
		got, err := analysis.Suggest(c, cl, nil, 5)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Suggest differs from full indexes (err %v)", qid, err)
		}
	}
}
