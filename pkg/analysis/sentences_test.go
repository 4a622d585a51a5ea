package analysis_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/analysis"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"无标点", []string{"无标点"}},
		{"第一句。第二句！第三句？第四句；", []string{"第一句。", "第二句！", "第三句？", "第四句；"}},
		{"a, b; c! d? e", []string{"a, b; ", "c! ", "d? ", "e"}},
		{"一是合作,二是发展。三", []string{"一是合作,二是发展。", "三"}},
		{"他说：“好。”然后走了。", []string{"他说：“好。”", "然后走了。"}},
		{"真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"增长1.5%。第2.4.3段", []string{"增长1.5%。", "第2.4.3段"}},
		{"（见上文。）下文", []string{"（见上文。）", "下文"}},
	}
	for _, tc := range cases {
		if got := analysis.Sentences(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"第一句。第二句！", "a; b? c!", "“好。”然后", "\xff。\xfe", "。。。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := analysis.Sentences(s)
		if strings.Join(got, "") != s {
			t.Fatalf("Sentences(%q) = %q does not reassemble", s, got)
		}
		for i, sent := range got {
			if sent == "" {
				t.Fatalf("Sentences(%q) has an empty sentence", s)
			}
			if i < len(got)-1 && !strings.ContainsAny(sent, "。！？；!?;") {
				t.Fatalf("Sentences(%q): %q ends without a delimiter", s, sent)
			}
		}
	})
}
