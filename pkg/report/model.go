// Package report renders report models in the terminal, as Markdown, CSV and
// JSON. Commands build a Doc (what a person reads) and a typed value (what
// JSON carries); the renderers here know nothing about policy documents.
package report

import "strings"

// Mark styles a run of text.
type Mark string

// Marks understood by the renderers. Stance marks colour a cell or a symbol.
const (
	MarkNone      Mark = ""
	MarkQuote     Mark = "quote" // quoted evidence inside a clause text
	MarkBold      Mark = "bold"
	MarkDim       Mark = "dim"
	MarkAligned   Mark = "aligned"
	MarkPartial   Mark = "partial"
	MarkDivergent Mark = "divergent"
	MarkSilent    Mark = "silent"
	MarkInsert    Mark = "insert" // text only in the second of two compared texts
	MarkDelete    Mark = "delete" // text only in the first
)

// Seg is a run of text with one mark.
type Seg struct {
	Text string
	Mark Mark
}

// Text is rich text: a sequence of marked runs.
type Text []Seg

// Plain is unmarked text.
func Plain(s string) Text { return Text{{Text: s}} }

// Marked is text with a single mark.
func Marked(s string, m Mark) Text { return Text{{Text: s, Mark: m}} }

// String is the text without marks.
func (t Text) String() string {
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

// Doc is a report as a person reads it.
type Doc struct {
	Title  string
	Meta   []Field // filters, data version …
	Blocks []Block
	Legend []string
	// CSV is the flat table written for --format csv, one record per row;
	// when nil the first table of Blocks is used.
	CSV *Table
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

// Column describes a table column. Weight shares out spare width when the
// table must shrink; 0 means the column keeps its natural width.
type Column struct {
	Header string
	Weight int
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

// CSVTable is the table --format csv writes, or nil if the doc has none.
func (d *Doc) CSVTable() *Table {
	if d.CSV != nil {
		return d.CSV
	}
	for _, b := range d.Blocks {
		if t, ok := b.(*Table); ok {
			return t
		}
	}
	return nil
}
