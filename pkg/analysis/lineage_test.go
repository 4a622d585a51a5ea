package analysis_test

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// bruteLineage is the reference: every pair of clauses of different
// documents, every pair of start positions, every maximal common run, kept
// if one of its minRun-rune windows occurs in at most maxDocs documents
// and at most MaxRepeats times in any one clause (the stop rules).
func bruteLineage(docs []*corpus.Document, minRun, maxDocs int) []analysis.LineagePair {
	order := append([]*corpus.Document(nil), docs...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Date < order[j].Date })
	type item struct {
		cl  *corpus.Clause
		rs  []rune
		off []int
	}
	byDoc := make([][]item, len(order))
	for k, d := range order {
		for i := range d.Clauses {
			rs, off := textnorm.FoldIndex(d.Clauses[i].Text)
			byDoc[k] = append(byDoc[k], item{&d.Clauses[i], rs, off})
		}
	}
	inDocs := map[string]map[int]bool{}
	repeats := map[string]int{} // the most times in one clause
	for k := range byDoc {
		for _, it := range byDoc[k] {
			here := map[string]int{}
			for i := 0; i+minRun <= len(it.rs); i++ {
				w := string(it.rs[i : i+minRun])
				if inDocs[w] == nil {
					inDocs[w] = map[int]bool{}
				}
				inDocs[w][k] = true
				here[w]++
				repeats[w] = max(repeats[w], here[w])
			}
		}
	}
	formulaic := func(rs []rune) bool {
		for i := 0; i+minRun <= len(rs); i++ {
			if w := string(rs[i : i+minRun]); len(inDocs[w]) <= maxDocs && repeats[w] <= analysis.MaxRepeats {
				return false
			}
		}
		return true
	}
	var out []analysis.LineagePair
	for da := range byDoc {
		for db := da + 1; db < len(byDoc); db++ {
			for _, a := range byDoc[da] {
				for _, b := range byDoc[db] {
					p := analysis.LineagePair{A: a.cl, B: b.cl}
					inA := make([]bool, len(a.rs))
					inB := make([]bool, len(b.rs))
					listed := map[string]bool{}
					for i := range a.rs {
						for j := range b.rs {
							if i > 0 && j > 0 && a.rs[i-1] == b.rs[j-1] {
								continue // not the start of a maximal run
							}
							n := 0
							for i+n < len(a.rs) && j+n < len(b.rs) && a.rs[i+n] == b.rs[j+n] {
								n++
							}
							if n < minRun || formulaic(a.rs[i:i+n]) {
								continue
							}
							if key := string(a.rs[i : i+n]); !listed[key] && len(p.Runs) < analysis.MaxRuns {
								listed[key] = true // each distinct run once
								p.Runs = append(p.Runs, analysis.Run{A: a.cl.Text[a.off[i]:a.off[i+n]], B: b.cl.Text[b.off[j]:b.off[j+n]], Len: n})
							}
							for k := 0; k < n; k++ {
								inA[i+k], inB[j+k] = true, true
							}
						}
					}
					if len(p.Runs) > 0 {
						p.ShareA, p.ShareB = share(inA), share(inB)
						out = append(out, p)
					}
				}
			}
		}
	}
	return out
}

func share(in []bool) float64 {
	n := 0
	for _, b := range in {
		if b {
			n++
		}
	}
	return float64(n) / float64(len(in))
}

func TestLineageMatchesBruteForceOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("brute force over all clause pairs")
	}
	c := embedded(t)
	for _, minRun := range []int{8, 12} {
		got, want := analysis.Lineage(c.Docs, minRun), bruteLineage(c.Docs, minRun, analysis.DefaultMaxDocs)
		if len(got) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("minRun %d: index found %d pairs, brute force %d, or they differ", minRun, len(got), len(want))
		}
	}
}

func TestLineageMatchesBruteForceOnRandomInput(t *testing.T) {
	// A small alphabet with Traditional/Simplified twins, punctuation and
	// a character NFKC expands, so that runs are frequent and cross scripts.
	alphabet := []rune("网網络絡安全,。ﬁ")
	rng := rand.New(rand.NewSource(1))
	text := func() string {
		rs := make([]rune, rng.Intn(30))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(rs)
	}
	dates := []string{"2014", "2021-08-25", "2021-08-25", "2024-01"}
	for round := 0; round < 300; round++ {
		var docs []*corpus.Document
		for k := 0; k < 2+rng.Intn(3); k++ {
			var texts []string
			for n := rng.Intn(4); n > 0; n-- {
				texts = append(texts, text())
			}
			docs = append(docs, doc(string(rune('a'+k)), dates[rng.Intn(len(dates))], texts...))
		}
		minRun, maxDocs := 1+rng.Intn(5), 1+rng.Intn(4)
		got := analysis.LineageWith(docs, analysis.LineageOptions{MinRun: minRun, MaxDocs: maxDocs})
		if want := bruteLineage(docs, minRun, maxDocs); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d, minRun %d, maxDocs %d: index and brute force differ:\n%v\n%v", round, minRun, maxDocs, got, want)
		}
	}
}

// A slogan in every document is formulaic and links nothing; a run that
// only two documents share is reported, in full, slogan included.
func TestLineageStopRule(t *testing.T) {
	const slogan = "构建网络空间命运共同体"
	var docs []*corpus.Document
	for k := 0; k < 4; k++ {
		docs = append(docs, doc(string(rune('a'+k)), "2020", []string{"", "甲乙", "丙丁", ""}[k]+slogan+"。"))
	}
	docs[0].Clauses[0].Text = "一致同意共同" + slogan + "。"
	docs[3].Clauses[0].Text = "各方一致同意共同" + slogan + "。"
	for i := range docs {
		docs[i].Clauses[0].Doc = docs[i]
	}
	pairs := analysis.LineageWith(docs, analysis.LineageOptions{MinRun: 8, MaxDocs: 3})
	if len(pairs) != 1 || pairs[0].A.Doc.ID != "a" || pairs[0].B.Doc.ID != "d" {
		t.Fatalf("want only the pair a → d, got %v", pairs)
	}
	if got, want := pairs[0].Runs[0].A, "一致同意共同"+slogan+"。"; got != want {
		t.Errorf("run %q, want the whole shared run %q", got, want)
	}
	if got := analysis.LineageWith(docs, analysis.LineageOptions{MinRun: 8, MaxDocs: 4}); len(got) != 6 {
		t.Errorf("with the slogan below the stop rule every pair shares it: got %d pairs, want 6", len(got))
	}
}

func TestLineageFindsReuse(t *testing.T) {
	c := embedded(t)
	pairs := analysis.Lineage(c.Docs, 0)
	cases := []struct {
		a, b, run string // run: a shared run, as written in A
	}{
		// China-Africa initiative (2021) items reused in the 2022 white paper.
		{"cn-africa-2021:6", "cn-whitepaper-2022:4.4.1", "加强在预警防范、信息共享、应急响应等方面的合作,积极开展关键信息基础设施保护的经验交流。"},
		{"cn-africa-2021:8", "cn-whitepaper-2022:4.6.1", "对网络犯罪开展生态化、链条化打击整治,"},
		{"cn-africa-2021:11", "cn-whitepaper-2022:4.5.1", "保障各国使用互联网基础资源的可用性和可靠性,推动国际社会共同管理和公平分配互联网基础资源"},
		// Across scripts: the Traditional 2014 speech and the GDC.
		{"cn-speech-2014:2.3", "gdc:10", "各國政府和其他利益攸關方"},
	}
	for _, tc := range cases {
		var found *analysis.LineagePair
		for i := range pairs {
			if pairs[i].A.QID() == tc.a && pairs[i].B.QID() == tc.b {
				found = &pairs[i]
			}
		}
		if found == nil {
			t.Errorf("no lineage pair %s → %s", tc.a, tc.b)
			continue
		}
		ok := false
		for _, r := range found.Runs {
			ok = ok || r.A == tc.run
		}
		if !ok {
			t.Errorf("%s → %s: runs %v lack %q", tc.a, tc.b, found.Runs, tc.run)
		}
	}
	for i, p := range pairs {
		if p.A.Doc == p.B.Doc || p.A.Doc.Date > p.B.Doc.Date {
			t.Errorf("pair %d: %s → %s is within one document or backwards in time", i, p.A.QID(), p.B.QID())
		}
		if i > 0 && pairs[i-1].A.Doc.Date > p.A.Doc.Date {
			t.Errorf("pairs not ordered by A's date at %d", i)
		}
	}
}
