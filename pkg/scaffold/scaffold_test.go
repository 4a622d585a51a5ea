package scaffold

import (
	"regexp"
	"strings"
	"testing"
)

func TestClauseIDsFollowTheTextsNumbering(t *testing.T) {
	text := `序言第一段。
序言第二段。
一、基本原则
一是坚持团结合作。各国应坚持团结。
二是聚焦促进发展。经济数字化提供机遇。
二、具体建议
(一)确保所有人接入互联网
各国应进一步推动实现公平合理普遍的互联网接入。
应加强各国数字能力建设。
(二)数据
引言段落。
1.第一项内容很长很长,包括句子。后面还有内容。
2.第二项内容。
三、结束
结语。`
	got := map[string]string{}
	var order []string
	for _, c := range Clauses(Paragraphs(text)) {
		got[c.ID] = c.Text
		order = append(order, c.ID+" "+strings.Join(c.Heading, "/"))
	}
	want := []string{
		"pre.1 ", "pre.2 ",
		"1.1 一、基本原则", "1.2 一、基本原则",
		"2.1.1 二、具体建议/(一)确保所有人接入互联网", "2.1.2 二、具体建议/(一)确保所有人接入互联网",
		"2.2.0.1 二、具体建议/(二)数据", "2.2.1 二、具体建议/(二)数据", "2.2.2 二、具体建议/(二)数据",
		"3.1 三、结束",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("IDs:\n%s\nwant:\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
}

func TestTopLevelItemsAndClosing(t *testing.T) {
	text := "倡议如下:\n1. 第一项倡议内容,比较长的一段文字,超过四十个字符的限制所以不是标题,而是一个编号段落。\n2. 第二项倡议内容,同样比较长的一段文字,超过四十个字符的限制所以不是标题,而是一个编号段落。\n欢迎各方加入。"
	var ids []string
	for _, c := range Clauses(Paragraphs(text)) {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, " "); got != "pre.1 1 2 end.1" {
		t.Errorf("IDs %s", got)
	}
}

func TestHanNumber(t *testing.T) {
	for s, n := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "一百零": 0, "九十九": 99} {
		if got := hanNumber(s); got != n {
			t.Errorf("%s = %d, want %d", s, got, n)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	if got := DetectLanguage("外交部副部長李保東在信息與網絡安全問題國際研討會開幕式上的講話"); got != "zh-Hant" {
		t.Errorf("Traditional text detected as %s", got)
	}
	if got := DetectLanguage("中国关于全球数字治理有关问题的立场"); got != "zh-Hans" {
		t.Errorf("Simplified text detected as %s", got)
	}
}

// Whatever the text, the clause IDs are unique and well formed, and every
// paragraph is a clause or a heading, verbatim.
func FuzzClauses(f *testing.F) {
	f.Add("一、标题\n(一)小标题\n段落。\n1.很长的编号段落,包括句子。还有更多内容。\n一是内容。\n结语。")
	f.Add("1. a\n1. a\n(1)x\n三、\n二、")
	f.Add("第一,内容。\n第一,内容。\n十一、x\n(二十)y")
	valid := regexp.MustCompile(`^[a-z0-9]+(\.[a-z0-9]+)*(\([a-z0-9]+\))?$`)
	f.Fuzz(func(t *testing.T, text string) {
		paras := Paragraphs(text)
		seen := map[string]bool{}
		clauses := Clauses(paras)
		texts := map[string]bool{}
		for _, c := range clauses {
			if !valid.MatchString(c.ID) || seen[c.ID] {
				t.Fatalf("bad or repeated ID %q", c.ID)
			}
			seen[c.ID] = true
			texts[c.Text] = true
		}
		for _, p := range paras {
			if !texts[p] && classify(p).kind != kindHeading {
				t.Fatalf("paragraph %q lost", p)
			}
		}
	})
}
