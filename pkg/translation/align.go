// Package translation aligns a translation the user supplies (a plain-text
// or Markdown file) to a document's clause IDs, and loads the overlay files
// that alignment writes. crosswalk ships no translation of its own: the
// official English of the GDC and of the Chinese papers is each user's to
// bring.
//
// The file is cut by the document's own numbering: "29." starts paragraph
// 29, "(d)" its sub-item 29(d), "[^1]:" footnote fn.1, a dotted number
// ("2.4.3") the clause of that ID, and "[pre.1]" any clause by its local
// ID. Lines that follow a numbered line continue its piece.
package translation

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Piece is the text of one clause, cut from the translation file.
type Piece struct {
	ID   string // local clause ID
	Line int    // 1-based line of its marker
	Text string
}

// Finding is one thing the check found, at a line of the translation file.
type Finding struct {
	Line   int
	Clause string // fully qualified clause ID, "" when none
	Msg    string
	// Kind is one of the Kind* constants; Gap findings block writing
	// unless gaps are allowed, Error findings always, Warnings never.
	Kind int
}

// Kinds of finding.
const (
	Error = iota
	Gap
	Warning
)

// Result is what Align found.
type Result struct {
	Pieces   []Piece  // in file order
	Gaps     []string // local IDs with no piece, in document order
	Findings []Finding
	Title    string // the first line of front matter, for a default title

	lastLine int // the last line with text, where a clause missing at the end was expected
}

// Blocking reports whether the result must not be written: any error, or
// a gap when gaps are not allowed.
func (r *Result) Blocking(allowGaps bool) bool {
	for _, f := range r.Findings {
		if f.Kind == Error || f.Kind == Gap && !allowGaps {
			return true
		}
	}
	return false
}

// Problems are the findings as file:line problems, in line order.
func (r *Result) Problems(file string) diag.List {
	out := make(diag.List, 0, len(r.Findings))
	for _, f := range r.Findings {
		msg := f.Msg
		if f.Kind == Warning {
			msg = "warning: " + msg
		}
		out = append(out, diag.Problem{File: file, Line: f.Line, Field: f.Clause, Msg: msg})
	}
	return out.Sorted()
}

// MaxRatio is how far a piece's length may stray from the file's typical
// ratio of translation to original (its median) before it is reported, as
// a factor either way. Sentence aligners (Gale–Church, bleualign,
// vecalign) rely on the same regularity; a summary written by us strays up
// to about 3 times, a real translation much less.
const MaxRatio = 4.0

// minJudged is the shortest original (in characters) whose piece length is
// judged: a lead-in of a few characters says nothing about its translation.
const minJudged = 20

var markers = sync.OnceValue(func() (m struct{ para, dotted, sub, note, explicit, furniture, glued *regexp.Regexp }) {
	m.para = regexp.MustCompile(`^(\d{1,4})\.(?:\s+|$)`)
	m.dotted = regexp.MustCompile(`^(\d{1,4}(?:\.\d{1,4})+)\.?(?:\s+|$)`)
	m.sub = regexp.MustCompile(`^\(([a-z]{1,2}|\d{1,2})\)(?:\s+|$)`)
	m.note = regexp.MustCompile(`^\[\^(\d{1,3})\]:\s*`)
	m.explicit = regexp.MustCompile(`^\[([a-z0-9.()]{1,40})\](?:\s+|$)`)
	// Page furniture of UN and other printed documents: a page number
	// alone or as n/m, a document symbol, a job number.
	m.furniture = regexp.MustCompile(`^(?:-?\s*\d{1,4}\s*-?|\d{1,4}\s*/\s*\d{1,4}|[A-Z]{1,2}/(?:RES/)?\d+/[A-Z0-9./]+.*|\d{2}-\d{5}.*|Page \d+.*)$`)
	// A footnote number glued to the word before it, as a PDF's copy
	// leaves a superscript: "Development1 and", "Development;1".
	m.glued = regexp.MustCompile(`\p{Ll}[,;.:)”"']?(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?:[\s,.;:)]|$)`)
	return m
})

type line struct {
	n    int
	text string
}

// Align cuts text (the translation file's contents) into pieces and aligns
// them to the clauses of d. It never fails: everything wrong is a finding.
func Align(d *corpus.Document, text string) *Result {
	r := &Result{}
	m := markers()
	lines := splitLines(text)
	var cur *Piece
	para := "" // the paragraph number sub-items belong to
	inBody := false
	nonBlank := func(i int) (line, bool) { // the next non-blank line after i
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j].text) != "" {
				return lines[j], true
			}
		}
		return line{}, false
	}
	flush := func() {
		if cur != nil && (cur.ID != "" || strings.TrimSpace(cur.Text) != "") {
			cur.Text = strings.TrimSpace(cur.Text)
			r.Pieces = append(r.Pieces, *cur)
		}
		cur = nil
	}
	// A short line that recurs is a running header or footer.
	seen := map[string]int{}
	for _, l := range lines {
		if t := strings.TrimSpace(l.text); t != "" && utf8.RuneCountInString(t) <= 80 {
			seen[t]++
		}
	}
	repeated := map[string]bool{}
	for t, n := range seen {
		if n > 1 {
			repeated[t] = true
		}
	}
	prevBlank := false
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			prevBlank = true
			continue
		}
		blankBefore := prevBlank
		prevBlank = false
		r.lastLine = l.n
		if strings.HasPrefix(t, "#") { // a Markdown heading
			flush()
			if !inBody && r.Title == "" {
				r.Title = strings.TrimSpace(strings.TrimLeft(t, "#"))
			}
			continue
		}
		id, rest, ok := marker(d, t, para)
		if ok {
			flush()
			inBody = true
			if !strings.Contains(id, "(") && !strings.HasPrefix(id, "fn.") {
				para = id
			}
			cur = &Piece{ID: id, Line: l.n, Text: rest}
			continue
		}
		if !inBody {
			if r.Title == "" {
				r.Title = t
			}
			continue
		}
		if m.furniture.MatchString(t) || repeated[t] && !endsSentence(t) {
			r.Findings = append(r.Findings, Finding{Line: l.n, Kind: Error,
				Msg: fmt.Sprintf("stray line %q looks like a page header or footer, not text of the document: delete it", clip(t))})
			continue
		}
		next, hasNext := nonBlank(i)
		short := utf8.RuneCountInString(t) <= 80 && !endsSentence(t) && !startsLower(t)
		if short && (cur == nil || endsSentence(cur.Text) || cur.Text == "") && (!hasNext || startsMarker(d, next.text, para)) {
			flush() // a heading between paragraphs ("Objectives", "Preamble")
			continue
		}
		if cur == nil {
			cur = &Piece{Line: l.n} // text after a heading, with no number: reported in check
		}
		if cur.ID == "" && cur.Text == "" {
			cur.Line = l.n
		}
		sep := " "
		if blankBefore {
			sep = "\n"
		}
		cur.Text += sep + t
	}
	flush()
	r.check(d)
	return r
}

// marker reads a line's number: the clause it starts and the text after it.
func marker(d *corpus.Document, t, para string) (id, rest string, ok bool) {
	m := markers()
	var raw string
	switch {
	case m.note.MatchString(t):
		raw = "fn." + m.note.FindStringSubmatch(t)[1]
		rest = t[len(m.note.FindString(t)):]
	case m.explicit.MatchString(t) && !strings.HasPrefix(t, "[^"):
		raw = corpus.NormalizeLocal(d.ID, m.explicit.FindStringSubmatch(t)[1])
		rest = t[len(m.explicit.FindString(t)):]
	case m.dotted.MatchString(t):
		raw = m.dotted.FindStringSubmatch(t)[1]
		rest = t[len(m.dotted.FindString(t)):]
	case m.para.MatchString(t):
		raw = m.para.FindStringSubmatch(t)[1]
		rest = t[len(m.para.FindString(t)):]
	case m.sub.MatchString(t) && para != "":
		raw = para + "(" + m.sub.FindStringSubmatch(t)[1] + ")"
		rest = t[len(m.sub.FindString(t)):]
	default:
		return "", "", false
	}
	return raw, strings.TrimSpace(rest), true
}

func startsMarker(d *corpus.Document, t, para string) bool {
	t = strings.TrimSpace(t)
	_, _, ok := marker(d, t, para)
	return ok || strings.HasPrefix(t, "#")
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(t))
	return unicode.IsLower(r)
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, " \t)”\"'’")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".;:!?。；：！？", r)
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}

// splitLines numbers the lines of text from 1, without a BOM or CRs.
func splitLines(text string) []line {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	raw := strings.Split(text, "\n")
	out := make([]line, len(raw))
	for i, s := range raw {
		out[i] = line{n: i + 1, text: strings.ToValidUTF8(s, "\ufffd")}
	}
	return out
}

// order groups footnotes apart from the body: a file may put them at the
// foot of each page or at the end.
func group(cl *corpus.Clause) int {
	if cl.Kind == "footnote" {
		return 1
	}
	return 0
}

// check aligns the pieces to the clauses: pieces with no clause, numbers
// repeated or going backwards, clauses with no piece, implausible lengths
// and glued footnote markers.
func (r *Result) check(d *corpus.Document) {
	qid := func(id string) string { return d.ID + ":" + id }
	first := map[string]int{} // clause → line of its piece
	last := map[int]*Piece{}  // group → last piece in order
	var kept []Piece
	for i := range r.Pieces {
		p := &r.Pieces[i]
		if p.ID == "" {
			r.Findings = append(r.Findings, Finding{Line: p.Line, Kind: Error,
				Msg: "text with no number before it: it belongs to no clause (number it, or delete it)"})
			continue
		}
		cl, ok := d.Clause(p.ID)
		if !ok {
			r.Findings = append(r.Findings, Finding{Line: p.Line, Clause: qid(p.ID), Kind: Error,
				Msg: fmt.Sprintf("a piece with no clause: %s has no clause %s%s", d.ID, p.ID, diag.DidYouMean(p.ID, d.ClauseIDs()))})
			continue
		}
		if at, dup := first[p.ID]; dup {
			r.Findings = append(r.Findings, Finding{Line: p.Line, Clause: qid(p.ID), Kind: Error,
				Msg: fmt.Sprintf("%s is numbered twice (first at line %d)", p.ID, at)})
			continue
		}
		first[p.ID] = p.Line
		g := group(cl)
		if prev := last[g]; prev != nil && d.Position(prev.ID) > d.Position(p.ID) {
			r.Findings = append(r.Findings, Finding{Line: p.Line, Clause: qid(p.ID), Kind: Error,
				Msg: fmt.Sprintf("numbering goes backwards: %s comes after %s (line %d)", p.ID, prev.ID, prev.Line)})
		} else {
			last[g] = p
		}
		if strings.TrimSpace(p.Text) == "" {
			r.Findings = append(r.Findings, Finding{Line: p.Line, Clause: qid(p.ID), Kind: Error,
				Msg: fmt.Sprintf("%s has a number but no text", p.ID)})
		}
		if mm := markers().glued.FindStringSubmatchIndex(p.Text); mm != nil {
			word := p.Text[max(0, strings.LastIndexAny(p.Text[:mm[2]], " \n")+1):mm[3]]
			r.Findings = append(r.Findings, Finding{Line: p.Line + strings.Count(p.Text[:mm[2]], "\n"), Clause: qid(p.ID), Kind: Warning,
				Msg: fmt.Sprintf("a footnote marker seems glued to a word (%q): write it as [^%s] or delete it", word, p.Text[mm[2]:mm[3]])})
		}
		kept = append(kept, *p)
	}
	r.gaps(d, first)
	r.ratios(d, kept)
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].Line < r.Findings[j].Line })
}

// gaps reports every clause with no piece, at the line where it was
// expected: the line of the next clause that has one.
func (r *Result) gaps(d *corpus.Document, at map[string]int) {
	byID := map[string]*Piece{}
	for i := range r.Pieces {
		byID[r.Pieces[i].ID] = &r.Pieces[i]
	}
	endLine := max(1, r.lastLine)
	for i := range d.Clauses {
		cl := &d.Clauses[i]
		if _, ok := at[cl.ID]; ok {
			continue
		}
		r.Gaps = append(r.Gaps, cl.ID)
		line, where := endLine, "at the end"
		var prev *Piece
		for j := i - 1; j >= 0 && prev == nil; j-- {
			if group(&d.Clauses[j]) == group(cl) {
				prev = byID[d.Clauses[j].ID]
			}
		}
		for j := i + 1; j < len(d.Clauses); j++ {
			if n, ok := at[d.Clauses[j].ID]; ok && group(&d.Clauses[j]) == group(cl) {
				line, where = n, "before "+d.Clauses[j].ID
				break
			}
		}
		msg := fmt.Sprintf("no piece for %s: expected %s", cl.ID, where)
		if prev != nil && mergedInto(cl.ID, prev.Text) {
			msg += fmt.Sprintf("; it may be merged into %s (line %d)", prev.ID, prev.Line)
		}
		r.Findings = append(r.Findings, Finding{Line: line, Clause: d.ID + ":" + cl.ID, Kind: Gap, Msg: msg})
	}
}

// mergedInto reports whether text holds the number of clause id inside it,
// as when two numbered items were joined on one line.
func mergedInto(id, text string) bool {
	if i := strings.IndexByte(id, '('); i >= 0 {
		return strings.Contains(text, " "+id[i:]+" ")
	}
	return strings.Contains(text, " "+id+". ")
}

// ratios reports pieces whose length is far from the file's typical ratio
// of translation length to original length.
func (r *Result) ratios(d *corpus.Document, pieces []Piece) {
	type judged struct {
		p   Piece
		log float64
	}
	var js []judged
	for _, p := range pieces {
		cl, _ := d.Clause(p.ID)
		orig := utf8.RuneCountInString(cl.Text)
		n := utf8.RuneCountInString(p.Text)
		if orig < minJudged || n == 0 {
			continue
		}
		js = append(js, judged{p, math.Log(float64(n) / float64(orig))})
	}
	if len(js) < 5 {
		return // too few to say what is typical
	}
	logs := make([]float64, len(js))
	for i, j := range js {
		logs[i] = j.log
	}
	slices.Sort(logs)
	median := logs[len(logs)/2]
	for _, j := range js {
		if dev := j.log - median; math.Abs(dev) > math.Log(MaxRatio) {
			how := "long"
			if dev < 0 {
				how = "short"
			}
			r.Findings = append(r.Findings, Finding{Line: j.p.Line, Clause: d.ID + ":" + j.p.ID, Kind: Warning,
				Msg: fmt.Sprintf("%s is implausibly %s against the original (%.0f× the file's typical length ratio): check where it starts and ends",
					j.p.ID, how, math.Exp(math.Abs(dev)))})
		}
	}
}
