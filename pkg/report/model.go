// Package report renders report models in the terminal, as Markdown, CSV and
// JSON. Commands build a Doc (what a person reads) and a typed value (what
// JSON carries); the renderers here know nothing about policy documents.
package report

import (
	"iter"
	"strings"
)

// Mark styles a run of text. Marks and glyphs are small numbers, not
// names: a long CSV has a segment per cell, and each is smaller so.
type Mark uint8

// Marks understood by the renderers. Stance marks colour a cell or a symbol.
const (
	MarkNone  Mark = iota
	MarkQuote      // quoted evidence inside a clause text
	MarkBold
	MarkDim
	MarkAligned
	MarkPartial
	MarkDivergent
	MarkSilent
	MarkInsert // text only in the second of two compared texts
	MarkDelete // text only in the first
	MarkBar    // a bar of a chart
	MarkMoved  // text in both compared texts, at different places
)

var markNames = [...]string{"", "quote", "bold", "dim", "aligned", "partial", "divergent", "silent", "insert", "delete", "bar", "moved"}

// String is the mark's name, as HTML class names use it.
func (m Mark) String() string { return markNames[m] }

// Seg is a run of text with one mark. A Seg with a Glyph is a symbol the
// renderer draws (and explains in the legend); its Text is ignored.
type Seg struct {
	Text  string
	Mark  Mark
	Glyph Glyph
	// Full, when set, is the text for formats with room for it: a matrix
	// cell shows a local ID in the terminal, its qualified ID in Markdown.
	Full string
}

// Glyph names a symbol whose drawing belongs to the renderer.
type Glyph uint8

// The stance glyphs, in legend order; GlyphNone is a Seg without one.
const (
	GlyphNone Glyph = iota
	GlyphAligned
	GlyphPartial
	GlyphDivergent
	GlyphSilent
	GlyphNotedSilence
	GlyphNotReviewed
	GlyphLow // after a stance mark: the link has low confidence
)

var glyphNames = [...]string{"", "aligned", "partial", "divergent", "silent", "noted-silence", "not-reviewed", "low"}

// String is the glyph's name: the stance it stands for.
func (g Glyph) String() string { return glyphNames[g] }

// glyphs draw each glyph in Unicode and in ASCII, with its legend meaning.
var glyphs = []struct {
	g          Glyph
	uni, ascii string
	mark       Mark
	meaning    string
}{
	{GlyphAligned, "✓", "+", MarkAligned, "aligned"},
	{GlyphPartial, "◐", "~", MarkPartial, "partial"},
	{GlyphDivergent, "✗", "x", MarkDivergent, "divergent"},
	{GlyphSilent, "·", ".", MarkSilent, "reviewed, no counterpart"},
	{GlyphNotedSilence, "·!", ".!", MarkSilent, "notable silence recorded"},
	{GlyphNotReviewed, "?", "?", MarkSilent, "not reviewed yet (no mapping file, or a draft that has not reached the clause)"},
	{GlyphLow, "†", "^", MarkDim, "after a stance mark: low confidence, a thin link"},
}

// StanceGlyph is the glyph of a stance name (aligned, partial, divergent,
// not-reviewed; anything else is a silence).
func StanceGlyph(stance string) Seg {
	for _, g := range glyphs {
		if g.g.String() == stance && g.g != GlyphNotedSilence && g.g != GlyphLow {
			return Seg{Glyph: g.g, Mark: g.mark}
		}
	}
	return Seg{Glyph: GlyphSilent, Mark: MarkSilent}
}

// LowConfidence is the mark after the stance of a low-confidence link.
func LowConfidence() Seg { return Seg{Glyph: GlyphLow, Mark: MarkDim} }

// NotedSilence is the glyph of a silence the curators recorded as notable.
func NotedSilence() Seg { return Seg{Glyph: GlyphNotedSilence, Mark: MarkSilent} }

// StanceMark is the colour mark of a stance name.
func StanceMark(stance string) Mark { return StanceGlyph(stance).Mark }

// Text is rich text: a sequence of marked runs.
type Text []Seg

// With appends segments to t.
func (t Text) With(more ...Seg) Text { return append(append(Text(nil), t...), more...) }

// Bar is a bar of n cells, drawn in eighths of a cell (in ASCII, as #).
func Bar(n float64) Seg {
	eighths := max(0, int(n*8+0.5))
	parts := []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
	return Seg{Text: strings.Repeat("█", eighths/8) + parts[eighths%8], Mark: MarkBar}
}

// Plain is unmarked text.
func Plain(s string) Text { return Text{{Text: s}} }

// Marked is text with a single mark.
func Marked(s string, m Mark) Text { return Text{{Text: s, Mark: m}} }

// String is the text without marks.
func (t Text) String() string {
	if len(t) == 1 {
		return t[0].Text // most cells: no copy
	}
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Highlight marks every occurrence of each span in s with MarkQuote.
// Overlapping spans merge.
func Highlight(s string, spans ...string) Text {
	on := make([]bool, len(s))
	for _, sp := range spans {
		if sp == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(s[off:], sp)
			if i < 0 {
				break
			}
			for k := off + i; k < off+i+len(sp); k++ {
				on[k] = true
			}
			off += i + len(sp)
		}
	}
	var out Text
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || on[i] != on[start] {
			m := MarkNone
			if on[start] {
				m = MarkQuote
			}
			if i > start {
				out = append(out, Seg{Text: s[start:i], Mark: m})
			}
			start = i
		}
	}
	if len(out) == 0 {
		return Plain(s)
	}
	return out
}

// Doc is a report as a person reads it (terminal and Markdown). The legend
// for glyphs and marks is added by the renderer from what the doc uses;
// Notes are the report's own closing remarks.
type Doc struct {
	Title  string
	Meta   []Field // filters, data version …
	Blocks []Block
	Notes  []string
	// Hints say how to go further with crosswalk itself (which command
	// prints what); the terminal shows them after the notes, while Markdown
	// and HTML, written for readers without the tool, leave them out.
	Hints []string
	// Quoted says what quote-marked text is, for the legend; by default
	// the evidence of a mapping record.
	Quoted string
}

// Block is one of Heading, Para, Fields or *Table.
type Block interface{ block() }

// Heading titles the blocks that follow.
type Heading struct{ Text string }

// Para is a paragraph of rich text.
type Para struct{ Text Text }

// Fields is a list of labelled values.
type Fields []Field

// Field is one label and value.
type Field struct {
	Label string
	Value Text
}

// Column describes a table column. A Truncate column shows one line per
// cell, cut to the width the table can spare, in the terminal (Markdown and
// CSV keep the whole text).
type Column struct {
	Header   string
	Truncate bool
	// Numeric says every cell of the column is a number or empty: a
	// workbook stores it as a number (sums, sorting, charts), not text.
	Numeric bool
}

// Numbers marks the named columns numeric, and returns t.
func (t *Table) Numbers(headers ...string) *Table {
	for j := range t.Columns {
		for _, h := range headers {
			if t.Columns[j].Header == h {
				t.Columns[j].Numeric = true
			}
		}
	}
	return t
}

// Table is rows of rich-text cells.
type Table struct {
	Columns []Column
	Rows    [][]Text
}

func (Heading) block() {}
func (Para) block()    {}
func (Fields) block()  {}
func (*Table) block()  {}

// Rows is a table of plain cells given row by row. The slice a row comes in
// is reused for the next one: a consumer that keeps it copies it.
type Rows struct {
	Columns []string
	All     iter.Seq[[]string]
}

// PlainRows gives the table's cells as plain text, for CSV.
func (t *Table) PlainRows() *Rows {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = c.Header
	}
	return &Rows{Columns: cols, All: func(yield func([]string) bool) {
		rec := make([]string, len(t.Columns))
		for _, r := range t.Rows {
			for j := range rec {
				rec[j] = ""
				if j < len(r) {
					rec[j] = r[j].String()
				}
			}
			if !yield(rec) {
				return
			}
		}
	}}
}

// Streamer is a View whose CSV rows can be written as they are produced,
// without a Table: the alignment matrix is the largest CSV scripts ask for,
// and a Table of it was most of the memory `compare --format csv` touched.
type Streamer interface {
	SheetRows(wide bool) *Rows
}

// View is one report computed once. --format json writes the view itself;
// Doc lays it out for the terminal and Markdown; Table is its CSV (long by
// default, wide when asked), or nil for a report with no CSV form.
type View interface {
	Doc() *Doc
	Table(wide bool) *Table
}
