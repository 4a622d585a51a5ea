package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestHighlight(t *testing.T) {
	got := Highlight("甲乙丙丁戊乙丙", "乙丙", "丙丁")
	want := Text{{Text: "甲"}, {Text: "乙丙丁", Mark: MarkQuote}, {Text: "戊"}, {Text: "乙丙", Mark: MarkQuote}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("seg %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if Highlight("abc", "").String() != "abc" {
		t.Error("an empty span changes nothing")
	}
}

func TestCSVNeutralisesFormulasAndKeepsChinese(t *testing.T) {
	tb := &Table{Columns: []Column{{Header: "a"}, {Header: "b"}}, Rows: [][]Text{
		{Plain("=HYPERLINK(\"x\")"), Plain("数字鸿沟, \"引号\"")},
		{Plain("-1"), Plain("@SUM(A1)")},
		{Plain("\tx"), Plain("ok")},
	}}
	var buf bytes.Buffer
	if err := CSV(&buf, tb.PlainRows(), true); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "\ufeff") {
		t.Error("missing BOM")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"a", "b"}, {"'=HYPERLINK(\"x\")", "数字鸿沟, \"引号\""}, {"'-1", "'@SUM(A1)"}, {"'\tx", "ok"}}
	for i := range want {
		for j := range want[i] {
			if recs[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, recs[i][j], want[i][j])
			}
		}
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	d := &Doc{Title: "T", Blocks: []Block{&Table{Columns: []Column{{Header: "x|y"}}, Rows: [][]Text{{Highlight("a|b\nc*d", "c")}}}}}
	var buf bytes.Buffer
	if err := Markdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`| x\|y |`, `| a\|b<br>**c**\*d |`} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestTerminalStripsControlsAndFits(t *testing.T) {
	evil := "注意\x1b[31m红\u202e字\x07 " + strings.Repeat("很长的中文句子没有空格", 8)
	d := &Doc{Title: "Title", Blocks: []Block{
		Para{Text: Highlight(evil, "红")},
		&Table{Columns: []Column{{Header: "ID"}, {Header: "Text"}}, Rows: [][]Text{{Plain("gdc:1"), Plain(evil)}}},
	}}
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Terminal(&buf, d, TermOptions{Width: 40, Color: color}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "\x1b[31m") || strings.Contains(out, "\u202e") || strings.Contains(out, "\x07") {
			t.Errorf("color=%v: control characters from the text reached the terminal", color)
		}
		if !color && strings.Contains(out, "\x1b") {
			t.Error("no escape codes at all without colour")
		}
		if !color && !strings.Contains(out, "⟦红⟧") {
			t.Error("quoted spans must stay visible without colour")
		}
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if w := lipgloss.Width(l); w > 40 {
				t.Errorf("color=%v: line of width %d > 40: %q", color, w, l)
			}
		}
	}
}
