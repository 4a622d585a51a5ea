package analysis_test

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

func smallCorpus() *corpus.Corpus {
	return &corpus.Corpus{Docs: []*corpus.Document{
		doc("old", "2014", "弥合數字鴻溝,數字鴻溝。", "网络主权"),
		doc("new", "2024", "数字鸿沟数字鸿沟数字鸿沟"),
	}}
}

func TestTerms(t *testing.T) {
	got := analysis.Terms(smallCorpus().Docs, exact("数字鸿沟", "網絡", "鸿沟鸿"))
	want := []analysis.TermCount{
		{Doc: "old", Term: "数字鸿沟", Count: 2, Han: 14, Per10k: 2 * 10000.0 / 14, ByForm: []analysis.FormCount{{analysis.Form{"数字鸿沟", analysis.Exact}, 2}}},
		{Doc: "old", Term: "網絡", Count: 1, Han: 14, Per10k: 10000.0 / 14, ByForm: []analysis.FormCount{{analysis.Form{"網絡", analysis.Exact}, 1}}},
		{Doc: "old", Term: "鸿沟鸿", Count: 0, Han: 14},
		{Doc: "new", Term: "数字鸿沟", Count: 3, Han: 12, Per10k: 3 * 10000.0 / 12, ByForm: []analysis.FormCount{{analysis.Form{"数字鸿沟", analysis.Exact}, 3}}},
		{Doc: "new", Term: "網絡", Count: 0, Han: 12},
		// Occurrences do not overlap: 鸿沟数 would need the 鸿 again.
		{Doc: "new", Term: "鸿沟鸿", Count: 0, Han: 12},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms =\n%+v\nwant\n%+v", got, want)
	}
}

// exact is a search for each term alone.
func exact(terms ...string) []analysis.Query {
	var out []analysis.Query
	for _, t := range terms {
		out = append(out, analysis.Query{Term: t, Forms: []analysis.Form{{t, analysis.Exact}}})
	}
	return out
}

// A search finds the wording variants listed in the data, and says which
// one matched; the longest form wins where forms overlap.
func TestTermsFindVariants(t *testing.T) {
	c := embedded(t)
	q := analysis.Forms(c, "多利益攸关方", false)
	for _, want := range []string{"多利益相关方", "其他利益攸关方", "多方参与", "多方"} {
		if !slices.Contains(q.Forms, analysis.Form{want, analysis.Variant}) {
			t.Errorf("forms of 多利益攸关方 lack %s: %v", want, q.Forms)
		}
	}
	if e := analysis.Forms(c, "多利益攸关方", true); len(e.Forms) != 1 {
		t.Errorf("--exact still expands: %v", e.Forms)
	}
	speech, _ := c.Doc("cn-speech-2014")
	white, _ := c.Doc("cn-whitepaper-2022")
	var matches []string
	for _, l := range analysis.KWIC([]*corpus.Document{speech, white}, q, 5) {
		matches = append(matches, l.Match+"/"+l.Form.Text+"/"+l.Form.How)
	}
	for _, want := range []string{"其他利益攸關方/其他利益攸关方/variant", "多利益相关方/多利益相关方/variant"} {
		if !slices.Contains(matches, want) {
			t.Errorf("KWIC lacks %s: %v", want, matches)
		}
	}
	if analysis.Terms([]*corpus.Document{speech}, []analysis.Query{q})[0].Count == 0 {
		t.Error("the count misses the speech's variant")
	}
}

// The GDC writes 跨境数据流动, the white paper 数据跨境流动: a search for
// one finds the other as its parts reordered, and says so.
func TestTermsFindReorderings(t *testing.T) {
	c := embedded(t)
	white, _ := c.Doc("cn-whitepaper-2022")
	q := analysis.Forms(c, "跨境数据流动", false)
	lines := analysis.KWIC([]*corpus.Document{white}, q, 3)
	if len(lines) == 0 || lines[0].Match != "数据跨境流动" || lines[0].Form != (analysis.Form{"数据跨境流动", analysis.Reordered}) {
		t.Errorf("跨境数据流动 in the white paper = %+v, want 数据跨境流动 found as reordered", lines)
	}
	if e := analysis.Forms(c, "跨境数据流动", true); len(e.Forms) != 1 {
		t.Errorf("--exact still reorders: %v", e.Forms)
	}
}

// Reorderings cut a term into parts of two or more characters: a four
// character term has one other order, and no part is a single character.
func TestReorderings(t *testing.T) {
	if got := analysis.Reorderings("数据安全"); !slices.Equal(got, []string{"安全数据"}) {
		t.Errorf("Reorderings(数据安全) = %v", got)
	}
	if got := analysis.Reorderings("网络"); got != nil {
		t.Errorf("a two-character term has no parts to reorder: %v", got)
	}
	got := analysis.Reorderings("跨境数据流动")
	for _, want := range []string{"数据跨境流动", "流动数据跨境", "数据流动跨境"} {
		if !slices.Contains(got, want) {
			t.Errorf("Reorderings(跨境数据流动) lacks %s: %v", want, got)
		}
	}
	if slices.Contains(got, "据数跨境流动") {
		t.Error("a one-character part was moved")
	}
}

func TestTermsOnCorpusFindTraditional(t *testing.T) {
	for _, tc := range analysis.Terms(embedded(t).Docs, exact("数字鸿沟")) {
		if tc.Doc == "cn-speech-2014" && tc.Count == 0 {
			t.Error("数字鸿沟 not found in the Traditional speech (數字鴻溝)")
		}
	}
}

func TestKWIC(t *testing.T) {
	got := analysis.KWIC(smallCorpus().Docs, exact("數字鸿沟")[0], 2)
	form := analysis.Form{"數字鸿沟", analysis.Exact}
	want := []analysis.KWICLine{
		{QID: "old:1", Left: "弥合", Match: "數字鴻溝", Right: ",數", Form: form},
		{QID: "old:1", Left: "溝,", Match: "數字鴻溝", Right: "。", Form: form},
		{QID: "new:1", Left: "", Match: "数字鸿沟", Right: "数字", Form: form},
		{QID: "new:1", Left: "鸿沟", Match: "数字鸿沟", Right: "数字", Form: form},
		{QID: "new:1", Left: "鸿沟", Match: "数字鸿沟", Right: "", Form: form},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KWIC =\n%+v\nwant\n%+v", got, want)
	}
	if got := analysis.KWIC(smallCorpus().Docs, exact("")[0], 2); got != nil {
		t.Errorf("KWIC of the empty term = %v", got)
	}
}

// g2 computes Dunning's G² directly from observed and expected counts.
func g2(a, b, n1, n2 int) float64 {
	obs := []float64{float64(a), float64(b), float64(n1 - a), float64(n2 - b)}
	n := float64(n1 + n2)
	rows := []float64{float64(a + b), float64(n1 + n2 - a - b)}
	cols := []float64{float64(n1), float64(n2)}
	sum := 0.0
	for i, o := range obs {
		if o > 0 {
			sum += o * math.Log(o/(rows[i/2]*cols[i%2]/n))
		}
	}
	return 2 * sum
}

func TestDistinctive(t *testing.T) {
	c := &corpus.Corpus{Docs: []*corpus.Document{
		doc("a", "2014", "网络主权,网络主权,网络安全。"),
		doc("b", "2024", "数字经济,網絡安全,数字经济。"),
	}}
	got := analysis.Distinctive(c, 3)
	// a: 网络×3 络主×2 主权×2 络安 安全 = 9 bigrams; b: 数字×2 字经×2 经济×2 网络 络安 安全 = 9.
	want := map[string][]analysis.TermScore{
		"a": {
			// Equal G²: broken by count (equal too), then by the bigram.
			{Term: "主权", Count: 2, Other: 0, G2: g2(2, 0, 9, 9)},
			{Term: "络主", Count: 2, Other: 0, G2: g2(2, 0, 9, 9)},
			// More frequent, but also used in b.
			{Term: "网络", Count: 3, Other: 1, G2: g2(3, 1, 9, 9)},
		},
		"b": {
			{Term: "字经", Count: 2, Other: 0, G2: g2(2, 0, 9, 9)},
			{Term: "数字", Count: 2, Other: 0, G2: g2(2, 0, 9, 9)},
			{Term: "经济", Count: 2, Other: 0, G2: g2(2, 0, 9, 9)},
		},
	}
	if len(got) != len(want) {
		t.Fatalf("Distinctive = %+v", got)
	}
	for id, w := range want {
		g := got[id]
		if len(g) != len(w) {
			t.Fatalf("%s: %+v, want %+v", id, g, w)
		}
		for i := range w {
			if g[i].Term != w[i].Term || g[i].Count != w[i].Count || g[i].Other != w[i].Other || math.Abs(g[i].G2-w[i].G2) > 1e-9 {
				t.Errorf("%s[%d] = %+v, want %+v", id, i, g[i], w[i])
			}
		}
	}
}

func TestDistinctiveOnCorpus(t *testing.T) {
	c := embedded(t)
	got := analysis.Distinctive(c, 10)
	for _, d := range c.Docs {
		scores := got[d.ID]
		if len(scores) != 10 {
			t.Errorf("%s: %d bigrams, want 10", d.ID, len(scores))
		}
		for i, s := range scores {
			if i > 0 && s.G2 > scores[i-1].G2 {
				t.Errorf("%s: not sorted by G² at %d", d.ID, i)
			}
		}
	}
	// Terms are shown as each document writes them: the speech's in
	// Traditional script, every one found verbatim in its own text.
	for _, d := range c.Docs {
		var all strings.Builder
		for _, cl := range d.Clauses {
			all.WriteString(cl.Text)
		}
		for _, s := range got[d.ID] {
			if !strings.Contains(all.String(), s.Term) {
				t.Errorf("%s: distinctive term %q is not written so in the document", d.ID, s.Term)
			}
		}
	}
	// The white paper is about cyberspace; the GDC speaks as "we".
	if top := got["cn-whitepaper-2022"][0].Term; top != "网络" {
		t.Errorf("white paper's most distinctive bigram = %s, want 网络", top)
	}
	if top := got["gdc"][0].Term; top != "我们" {
		t.Errorf("GDC's most distinctive bigram = %s, want 我们", top)
	}
}

// Keeping the best N as they come gives the head of the full ranking.
func TestDistinctiveTopIsHeadOfFullRanking(t *testing.T) {
	c := embedded(t)
	full, top := analysis.Distinctive(c, 0), analysis.Distinctive(c, 7)
	for id, scores := range full {
		if !reflect.DeepEqual(top[id], scores[:min(7, len(scores))]) {
			t.Errorf("%s: top 7 %v, full ranking starts %v", id, top[id], scores[:min(7, len(scores))])
		}
	}
}
