package textnorm

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"數字鴻溝", "数字鸿沟"},
		{"網絡", "网络"},
		{"發展", "发展"},
		{"数字鸿沟", "数字鸿沟"},
		{"ＡＢＣ１２３", "abc123"},
		{"Digital DIVIDE", "digital divide"},
		{"ｶﾀｶﾅ", "カタカナ"},
		{"合作\u3000共贏", "合作 共赢"},
		{"豈", "岂"},       // U+F900, a compatibility ideograph: NFKC, then T→S
		{"乾坤", "乾坤"},     // phrase: 乾 stays
		{"乾淨", "干净"},     // single characters: 乾 → 干
		{"一目瞭然", "一目了然"}, // phrase only
		{"，；！？", ",;!?"}, // full-width punctuation
		{"ﬁ①", "fi1"},    // NFKC expands
		{"", ""},
	}
	for _, tc := range cases {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldIndexMapsBackToOriginal(t *testing.T) {
	cases := []struct {
		in   string
		i, j int // folded rune range
		want string
	}{
		{"網絡安全", 0, 2, "網絡"},
		{"ＡＢＣ數字", 3, 5, "數字"},
		{"aﬁb", 1, 3, "ﬁ"},  // both folded runes of ﬁ come from one segment
		{"aﬁb", 2, 4, "ﬁb"}, // ﬁ belongs to the range holding its last rune
		{"aﬁb", 1, 2, ""},
		{"e\u0301x", 0, 1, "e\u0301"}, // NFKC composes é
	}
	for _, tc := range cases {
		runes, off := FoldIndex(tc.in)
		if len(off) != len(runes)+1 || off[len(runes)] != len(tc.in) {
			t.Fatalf("FoldIndex(%q): %d runes, offsets %v", tc.in, len(runes), off)
		}
		if got := tc.in[off[tc.i]:off[tc.j]]; got != tc.want {
			t.Errorf("FoldIndex(%q) runes %d..%d map to %q, want %q", tc.in, tc.i, tc.j, got, tc.want)
		}
	}
}

func TestStrip(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\x1b[31mred\x1b[0m", "a[31mred[0m"},
		{"abc\u202edef", "abcdef"},
		{"\u2066x\u2069\u200e\u200f\u061c", "x"},
		{"line\nnext\ttab\r", "line\nnext\ttab"},
		{"del\x7f c1\u009b", "del c1"},
		{"全角\u3000空格", "全角  空格"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"数字鸿沟 “引号” …", "数字鸿沟 “引号” …"},
	}
	for _, tc := range cases {
		if got := Strip(tc.in); got != tc.want {
			t.Errorf("Strip(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTablesAreSorted(t *testing.T) {
	for i := 1; i < len(tsChars); i++ {
		if tsChars[i-1].t >= tsChars[i].t {
			t.Fatalf("tsChars not sorted at %d: %q", i, tsChars[i].t)
		}
	}
	for _, p := range tsPhrases {
		if utf8.RuneCountInString(p.t) != utf8.RuneCountInString(p.s) {
			t.Errorf("phrase %q → %q changes length", p.t, p.s)
		}
	}
}

func FuzzFoldIndex(f *testing.F) {
	for _, s := range []string{"數字鴻溝", "ＡＢＣ", "aﬁb", "e\u0301", "\xff\xfe", "乾乾淨淨", strings.Repeat("\u0301", 40), "網\u0301絡a\u0301b", "中國ＡＢＣ，網絡。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes, off := FoldIndex(s)
		if wr, wo := foldIndexReference(s); !slices.Equal(runes, wr) || !slices.Equal(off, wo) {
			t.Fatalf("FoldIndex(%q) = %q %v, the plain normaliser gives %q %v", s, string(runes), off, string(wr), wo)
		}
		if len(off) != len(runes)+1 || off[len(runes)] != len(s) {
			t.Fatalf("%d runes, offsets %v, len %d", len(runes), off, len(s))
		}
		for i := 1; i < len(off); i++ {
			if off[i] < off[i-1] {
				t.Fatalf("offsets decrease: %v", off)
			}
		}
		if len(runes) > 0 && off[0] != 0 {
			t.Fatalf("first offset %d", off[0])
		}
	})
}

func FuzzStrip(f *testing.F) {
	f.Add("a\x1b[0m\u202e\u3000b")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Strip(s) {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x3000 {
				t.Fatalf("Strip(%q) keeps %U", s, r)
			}
		}
	})
}

func TestCleanKeepsIdeographicSpace(t *testing.T) {
	if got := Clean("甲\u3000乙\x1b"); got != "甲\u3000乙" {
		t.Errorf("Clean = %q: exported text keeps U+3000 and loses controls", got)
	}
	if got := Strip("甲\u3000乙"); got != "甲  乙" {
		t.Errorf("Strip = %q: terminals get two spaces for U+3000", got)
	}
}

// foldIndexReference is FoldIndex without its shortcut for plain text:
// every segment through the normaliser.
func foldIndexReference(s string) (runes []rune, offsets []int) {
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	for !it.Done() {
		start := it.Pos()
		for _, r := range string(it.Next()) {
			if w := width.LookupRune(r).Folded(); w != 0 {
				r = w
			}
			runes = append(runes, unicode.ToLower(r))
			offsets = append(offsets, start)
		}
	}
	offsets = append(offsets, len(s))
	simplify(runes)
	return runes, offsets
}

func TestFoldIndexShortcutOnCorpusLikeText(t *testing.T) {
	for _, s := range []string{"", "a", "網", "中國ＡＢＣ，網絡。e\u0301網\u0301a", "（一）数字鸿沟 Digital-divide: 100%", "\u00e9網ﬁ網", "網\xff網"} {
		r, o := FoldIndex(s)
		wr, wo := foldIndexReference(s)
		if !slices.Equal(r, wr) || !slices.Equal(o, wo) {
			t.Errorf("FoldIndex(%q) = %q %v, want %q %v", s, string(r), o, string(wr), wo)
		}
	}
}

// The shortcut's premise: a plain rune folds to one rune, the one plainAt
// says, and never combines with the rune before it.
func TestPlainRunesFoldAsTheNormaliserDoes(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		s := string(r)
		p, n := plainAt(s, 0)
		if n == 0 {
			continue
		}
		if norm.NFKC.String(s) != string(p) || width.LookupRune(p).Folded() != 0 || !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U is not plain", r)
		}
	}
}

// BenchmarkFoldIndex folds the white paper's source text.
func BenchmarkFoldIndex(b *testing.B) {
	src, err := os.ReadFile("../../documents/source/cn-whitepaper-2022.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		FoldIndex(string(src))
	}
}
