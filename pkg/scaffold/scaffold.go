// Package scaffold starts new data for a curator: a document YAML from a
// plain text, and an empty draft mapping file. What only a person can
// decide — each clause's kind, summary and themes — is written as TODO,
// which validate lists as warnings until it is filled in.
package scaffold

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
)

// Meta is what the curator tells about the document; an empty field is
// written as TODO (the title, when empty, is taken from the first line).
type Meta struct {
	ID, Title, TitleEn, Issuer, IssuerEn, Date, Language string
	// SourceName is the text file the clauses were cut from (for the header).
	SourceName string
}

// Paragraph kinds.
const (
	kindPara = iota
	kindHeading
	kindNumbered
)

type line struct {
	text  string
	kind  int
	level int // 1 一、 2 (一) 3 1. 4 (1); 0 for an ordinal item (一是, 第一) or a paragraph
	num   int
}

// numbering is compiled on first use: only `new document` needs it, and
// compiling at start-up cost every command about 0.9 ms.
var numbering = sync.OnceValue(func() (re struct{ l1, l2, l3, l4, ordinal *regexp.Regexp }) {
	re.l1 = regexp.MustCompile(`^([一二三四五六七八九十百]+)[、.．]`)
	re.l2 = regexp.MustCompile(`^[(（]([一二三四五六七八九十]+)[)）]`)
	re.l3 = regexp.MustCompile(`^(\d{1,3})[.．、]([^\d]|$)`)
	re.l4 = regexp.MustCompile(`^[(（](\d{1,3})[)）]`)
	re.ordinal = regexp.MustCompile(`^(?:([一二三四五六七八九十]+)是|第([一二三四五六七八九十]+)[,，、:：])`)
	return re
})

// maxHeading is the longest numbered line (in characters) taken as a
// heading; a longer one, or one with sentence punctuation (。；！？), is a
// numbered paragraph.
const maxHeading = 40

func classify(text string) line {
	l := line{text: text}
	numbered := false
	re := numbering()
	switch {
	case re.l1.MatchString(text):
		l.level, l.num, numbered = 1, hanNumber(re.l1.FindStringSubmatch(text)[1]), true
	case re.l2.MatchString(text):
		l.level, l.num, numbered = 2, hanNumber(re.l2.FindStringSubmatch(text)[1]), true
	case re.l3.MatchString(text):
		l.level, numbered = 3, true
		l.num, _ = strconv.Atoi(re.l3.FindStringSubmatch(text)[1])
	case re.l4.MatchString(text):
		l.level, numbered = 4, true
		l.num, _ = strconv.Atoi(re.l4.FindStringSubmatch(text)[1])
	case re.ordinal.MatchString(text):
		m := re.ordinal.FindStringSubmatch(text)
		l.num, numbered = hanNumber(m[1]+m[2]), true
	}
	switch {
	case !numbered || l.num == 0:
		l.kind, l.level = kindPara, 0
	case l.level > 0 && utf8.RuneCountInString(text) <= maxHeading && !strings.ContainsAny(text, "。；;！!？?"):
		l.kind = kindHeading
	default:
		l.kind = kindNumbered
	}
	return l
}

// hanNumber reads a Chinese numeral up to 999 (一 … 十九, 二十一, 一百); 0 if
// it is not one.
func hanNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch {
		case digits[r] > 0:
			cur = digits[r]
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			return 0
		}
	}
	return total + cur
}

type frame struct {
	level, num int
	text       string
}

// prefix is the dotted numbering of the headings in stack up to level
// upTo, with 0 for a level the text skips (三、 then 1. gives 3.0.1).
func prefix(stack []frame, upTo int) string {
	var parts []string
	at := map[int]int{}
	maxLevel := 0
	for _, f := range stack {
		if f.level <= upTo {
			at[f.level] = f.num
			maxLevel = max(maxLevel, f.level)
		}
	}
	for lv := 1; lv <= maxLevel; lv++ {
		parts = append(parts, strconv.Itoa(at[lv]))
	}
	return strings.Join(parts, ".")
}

func headingPath(stack []frame, upTo int) []string {
	out := []string{}
	for _, f := range stack {
		if f.level <= upTo {
			out = append(out, f.text)
		}
	}
	return out
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// Paragraphs splits a plain text into paragraphs: one per non-empty line,
// trimmed of surrounding whitespace (ideographic spaces included).
func Paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimFunc(l, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\r' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
		}); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Clauses cuts paragraphs into clauses with IDs in the project's scheme:
// the text's own numbering in arabic numerals, dotted, then the paragraph's
// place under its nearest heading; pre.N before the first heading, end.N for
// unnumbered paragraphs after top-level numbered items, and a 0 where a
// section has paragraphs before its numbered parts (3.1.0.1).
func Clauses(paras []string) []corpus.Clause {
	lines := make([]line, len(paras))
	for i, p := range paras {
		lines[i] = classify(p)
	}
	// Two passes over the same walk: the first finds the scopes that have
	// numbered parts, the second gives the IDs.
	type placed struct {
		scope   string // dotted prefix of the nearest heading
		id      string // for headings and numbered paragraphs
		heading []string
	}
	walk := func() []placed {
		var stack []frame
		out := make([]placed, len(lines))
		for i, l := range lines {
			switch l.kind {
			case kindHeading:
				for len(stack) > 0 && stack[len(stack)-1].level >= l.level {
					stack = stack[:len(stack)-1]
				}
				out[i] = placed{scope: prefix(stack, l.level-1), heading: headingPath(stack, l.level-1)}
				stack = append(stack, frame{l.level, l.num, l.text})
				out[i].id = prefix(stack, l.level)
			case kindNumbered:
				upTo := 99
				if l.level > 0 {
					upTo = l.level - 1
				}
				p := prefix(stack, upTo)
				out[i] = placed{scope: p, id: join(p, strconv.Itoa(l.num)), heading: headingPath(stack, upTo)}
			default:
				out[i] = placed{scope: prefix(stack, 99), heading: headingPath(stack, 99)}
			}
		}
		return out
	}
	places := walk()
	hasParts := map[string]bool{}
	for i, l := range lines {
		if l.kind != kindPara {
			hasParts[places[i].scope] = true
		}
	}
	var clauses []corpus.Clause
	seen := map[string]bool{}
	counter := map[string]int{}
	sawTopItem := false
	for i, l := range lines {
		p := places[i]
		var id string
		switch l.kind {
		case kindHeading:
			continue
		case kindNumbered:
			id = p.id
			sawTopItem = sawTopItem || p.scope == ""
		default:
			scope := p.scope
			switch {
			case scope == "" && sawTopItem:
				scope = "end"
			case scope == "":
				scope = "pre"
			case hasParts[scope]:
				scope += ".0"
			}
			counter[scope]++
			id = scope + "." + strconv.Itoa(counter[scope])
		}
		// A number the text repeats gets a suffix: 2.1, then 2.1v2.
		for base, n := id, 2; seen[id]; n++ {
			id = base + "v" + strconv.Itoa(n)
		}
		seen[id] = true
		clauses = append(clauses, corpus.Clause{ID: id, Heading: p.heading, Kind: corpus.ToDo, Text: l.text, SummaryEn: corpus.ToDo,
			Themes: []string{corpus.ToDo}})
	}
	return clauses
}

// DetectLanguage says zh-Hant when the text has Traditional characters
// (at least 2% of its Han characters change under Traditional→Simplified
// folding), else zh-Hans.
func DetectLanguage(text string) string {
	han, changed := 0, 0
	folded := []rune(textnorm.Fold(text))
	orig := []rune(text)
	if len(folded) != len(orig) {
		// NFKC changed the length: compare Han characters only, in order.
		orig, folded = hanOnly(orig), hanOnly(folded)
	}
	for i, r := range orig {
		if i >= len(folded) || !isHan(r) {
			continue
		}
		han++
		if folded[i] != r {
			changed++
		}
	}
	if han > 0 && changed*50 >= han {
		return "zh-Hant"
	}
	return "zh-Hans"
}

func isHan(r rune) bool { return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf }

func hanOnly(rs []rune) []rune {
	var out []rune
	for _, r := range rs {
		if isHan(r) {
			out = append(out, r)
		}
	}
	return out
}

func orToDo(s string) string {
	if strings.TrimSpace(s) == "" {
		return corpus.ToDo
	}
	return s
}

// Document builds the YAML of a new document from its text. The clauses
// are the text's paragraphs; the title is the first line unless m.Title is
// given. It returns the YAML and the number of clauses and headings.
func Document(m Meta, text string) (out []byte, clauses, headings int, err error) {
	paras := Paragraphs(text)
	if m.Title == "" && len(paras) > 0 {
		m.Title, paras = paras[0], paras[1:]
	}
	if len(paras) == 0 {
		return nil, 0, 0, fmt.Errorf("%s has no paragraphs besides its title", m.SourceName)
	}
	if m.Language == "" {
		m.Language = DetectLanguage(text)
	}
	for _, p := range paras {
		if classify(p).kind == kindHeading {
			headings++
		}
	}
	d := corpus.Document{
		ID: m.ID, Title: orToDo(m.Title), TitleEn: orToDo(m.TitleEn), Issuer: orToDo(m.Issuer), IssuerEn: orToDo(m.IssuerEn),
		Date: orToDo(m.Date), Language: m.Language,
		Source: corpus.Source{File: "source/" + m.ID + ".txt", Description: "Plain text given to crosswalk new document (" + m.SourceName +
			"). TODO: say where it comes from.", Flaws: []string{}, Furniture: []string{}},
		Clauses: Clauses(paras),
	}
	body, err := yaml.Marshal(&d)
	if err != nil {
		return nil, 0, 0, err
	}
	head := fmt.Sprintf(`# %s — scaffolded by crosswalk new document from %s.
# One clause per paragraph, numbered in reading order under the headings the
# text numbers (一、 (一) 1. …). Every TODO is for the curator: the clause's
# kind, an English summary (ours, unofficial) and one to three themes of
# mappings/themes.yaml; crosswalk validate lists the ones left. Check the
# IDs against the text's own numbering, delete lines that belong to a web
# page rather than the document (or list them under source.furniture), and
# give the headings' English in heading_en where useful.
`, m.ID, m.SourceName)
	return append([]byte(head), body...), len(d.Clauses), headings, nil
}

// Mapping builds a new draft mapping file of the reference onto target:
// nothing reviewed yet, no records.
func Mapping(target, reviewed string) []byte {
	return []byte(fmt.Sprintf(`# Mapping: Global Digital Compact (gdc) → %[1]s — a draft.
# Read each GDC clause against the whole of %[1]s, then decide it: a record
# for every counterpart, a none record for a notable silence, or a silence
# entry (the clause, the nearest clause of %[1]s and why it is not a
# counterpart); mappings/CURATION.md says how to code each. A partial record
# lists its qualifiers (mappings/qualifiers.yaml), each with the target's own
# words. Clauses not yet decided show as not reviewed in every report; once
# every GDC clause is decided (footnotes and lead-in chapeaus aside) and every
# partial record has a qualifier, set status: complete.
source: gdc
target: %[1]s
status: draft
method: human
version: "0.1.0"
reviewed: %[2]q
records: []
silences: []
`, target, reviewed))
}
