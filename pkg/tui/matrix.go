package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
	"github.com/crosswalk-dev/crosswalk/pkg/textnorm"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// matrix is the alignment matrix with a cell cursor. The header and the
// GDC column stay in place; rows scroll, and when the documents do not all
// fit beside the GDC column, the document columns scroll sideways.
type matrix struct {
	m      *Model
	filter compare.Filter
	cmp    *view.Compare
	table  *report.Table // the report's own table: cells as compare draws them
	// index holds, per row and column, the folded clause texts a search
	// looks in: the GDC clause (column 0) and each counterpart. Built on
	// the first search, not before the first frame.
	index [][]string
	vc    view.Context
	// layouts caches the column widths for the current width, by first
	// document column and number shown: they depend on every row, not on
	// the cursor, so a key that moves the cursor does not recompute them.
	layouts map[[2]int][]int

	row, col int // cursor; col 0 is the GDC column
	top      int // first row shown
	first    int // first document column shown
	w, h     int
	widths   []int // widths of the GDC column and the documents shown
	shown    int   // number of document columns shown
}

func newMatrix(m *Model, f compare.Filter) *matrix {
	x := &matrix{m: m, filter: f}
	x.rebuild()
	return x
}

// rebuild computes the view under the current filters (pure, no I/O) and
// keeps the cursor on the same clause when it is still there.
func (x *matrix) rebuild() {
	keep := ""
	if x.cmp != nil && x.row < len(x.cmp.Rows) {
		keep = x.cmp.Rows[x.row].Clause
	}
	c := x.m.ctx
	vc := c.viewContext(x.filter)
	x.cmp = view.NewCompare(vc)
	x.table = &report.Table{}
	if d := x.cmp.Doc(); len(d.Blocks) > 0 {
		if tb, ok := d.Blocks[0].(*report.Table); ok {
			x.table = tb
		}
	}
	x.vc, x.index, x.layouts = vc, nil, nil
	x.row = 0
	for i, r := range x.cmp.Rows {
		if r.Clause == keep {
			x.row = i
		}
	}
	x.col = min(x.col, len(x.cmp.Documents))
	if x.w > 0 {
		x.resize(x.w, x.h)
	}
}

// buildIndex folds every clause text of the matrix for search.
func (x *matrix) buildIndex() {
	vc := x.vc
	x.index = make([][]string, len(x.cmp.Rows))
	for i, r := range x.cmp.Rows {
		cols := make([]string, 1+len(r.Cells))
		if cl, err := vc.Data.Corpus.Resolve(r.Clause); err == nil {
			cols[0] = textnorm.Fold(cl.Text + "\n" + cl.SummaryEn)
		}
		for j, cell := range r.Cells {
			var b strings.Builder
			for _, cp := range cell.Counterparts {
				if cl, err := vc.Data.Corpus.Resolve(cp.Clause); err == nil {
					b.WriteString(cl.Text + "\n" + cl.TextEn + "\n")
				}
			}
			cols[1+j] = textnorm.Fold(b.String())
		}
		x.index[i] = cols
	}
}

func (x *matrix) title() string {
	return fmt.Sprintf("crosswalk browse · alignment matrix · %d GDC clauses · filters: %s", len(x.cmp.Rows), describeFilter(x.filter))
}

// describeFilter is the filters in words, short.
func describeFilter(f compare.Filter) string {
	var p []string
	if len(f.Against) > 0 {
		p = append(p, "doc "+strings.Join(f.Against, ","))
	}
	if f.Objective != 0 {
		p = append(p, fmt.Sprintf("objective %d", f.Objective))
	}
	if len(f.Themes) > 0 {
		p = append(p, "theme "+strings.Join(f.Themes, ","))
	}
	if len(f.Stances) > 0 {
		p = append(p, "stance "+strings.Join(f.Stances, ","))
	}
	if f.Confidence != "" {
		p = append(p, "confidence ≥"+f.Confidence)
	}
	if len(p) == 0 {
		return "none"
	}
	return strings.Join(p, " · ")
}

// resize sizes the columns as compare does (content-sized, the GDC
// column taking what is left, at least 16 columns); documents that do not
// fit beside it are scrolled to.
func (x *matrix) resize(w, h int) {
	if w != x.w {
		x.layouts = nil
	}
	x.w, x.h = w, h
	n := len(x.cmp.Documents)
	x.first = min(x.first, max(n-1, 0))
	for {
		shown := n - x.first
		for ; shown > 0; shown-- {
			if ws, ok := x.layout(x.first, shown); ok {
				x.widths, x.shown = ws, shown
				break
			}
		}
		if shown == 0 {
			x.widths, x.shown = []int{max(w-4, 1)}, 0
		}
		// Keep the cursor's column in view.
		if x.col == 0 || (x.col-1 >= x.first && x.col-1 < x.first+x.shown) || x.shown == 0 {
			break
		}
		if x.col-1 < x.first {
			x.first = x.col - 1
		} else {
			x.first++
		}
	}
	x.follow()
}

// layout sizes the GDC column and documents [first, first+k) for the
// width; ok is false when they do not fit.
func (x *matrix) layout(first, k int) ([]int, bool) {
	if ws, ok := x.layouts[[2]int{first, k}]; ok {
		return ws, ws != nil
	}
	if x.layouts == nil {
		x.layouts = map[[2]int][]int{}
	}
	ws, ok := x.measure(first, k)
	if !ok {
		ws = nil
	}
	x.layouts[[2]int{first, k}] = ws
	return ws, ok
}

func (x *matrix) measure(first, k int) ([]int, bool) {
	tb := &report.Table{Columns: []report.Column{{Header: "GDC clause", Truncate: true}}}
	for j := first; j < first+k; j++ {
		tb.Columns = append(tb.Columns, x.table.Columns[1+j])
	}
	gdc := report.Plain(strings.Repeat("x", 16)) // the GDC column's 16-column floor, shared by every row
	tb.Rows = make([][]report.Text, 0, len(x.table.Rows))
	for _, r := range x.table.Rows {
		row := make([]report.Text, 1, 1+k)
		row[0] = gdc
		for j := first; j < first+k; j++ {
			row = append(row, r[1+j])
		}
		tb.Rows = append(tb.Rows, row)
	}
	avail := x.w - (3*(k+1) + 1)
	ws, ok := x.m.ctx.Theme.ColumnWidths(tb, avail)
	if !ok {
		return nil, false
	}
	// The GDC column takes whatever the documents leave.
	used := 0
	for _, v := range ws[1:] {
		used += v
	}
	ws[0] = avail - used
	return ws, ws[0] >= 16
}

// follow scrolls so the cursor's row is in view.
func (x *matrix) follow() {
	if x.row < x.top {
		x.top = x.row
	}
	for x.top < x.row && x.rowsHeight(x.top, x.row+1) > x.bodyRows() {
		x.top++
	}
}

// bodyRows is the number of lines for rows: the body less the top rule,
// the header, the rule under it, and the status line.
func (x *matrix) bodyRows() int { return max(x.h-4, 1) }

func (x *matrix) rowsHeight(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		n += len(x.cellLines(i)[0])
	}
	return n
}

// cellLines are the drawn lines of each shown cell of row i (the first
// entry holds the row's height in lines, padded).
func (x *matrix) cellLines(i int) [][]string {
	th := x.m.ctx.Theme
	r := x.table.Rows[i]
	out := make([][]string, 1+x.shown)
	hgt := 1
	for k := 0; k < x.shown; k++ {
		out[1+k] = th.Lines(r[1+x.first+k], x.widths[1+k])
		hgt = max(hgt, len(out[1+k]))
	}
	// The GDC cell is the report's: ID and summary, then the Chinese, one
	// line each, cut to the column; it shows as many lines as the row has.
	for _, l := range splitLines(r[0]) {
		if len(out[0]) == hgt {
			break
		}
		out[0] = append(out[0], th.Line(l, x.widths[0]))
	}
	for len(out[0]) < hgt {
		out[0] = append(out[0], "")
	}
	return out
}

// splitLines cuts rich text at its newlines.
func splitLines(t report.Text) []report.Text {
	out := []report.Text{nil}
	for _, s := range t {
		for {
			i := strings.IndexByte(s.Text, '\n')
			if i < 0 {
				break
			}
			out[len(out)-1] = append(out[len(out)-1], report.Seg{Text: s.Text[:i], Mark: s.Mark})
			out = append(out, nil)
			s.Text = s.Text[i+1:]
		}
		if s.Text != "" || s.Glyph != report.GlyphNone {
			out[len(out)-1] = append(out[len(out)-1], s)
		}
	}
	return out
}

func (x *matrix) body(w, h int) []string {
	if x.w != w || x.h != h {
		x.resize(w, h)
	}
	th := x.m.ctx.Theme
	b := th.Border
	dim := func(s string) string { return th.Render(report.MarkDim, s) }
	rule := func(l, mid, r string) string {
		parts := make([]string, len(x.widths))
		for j, cw := range x.widths {
			parts[j] = strings.Repeat(b.Top, cw+2)
		}
		return dim(l + strings.Join(parts, mid) + r)
	}
	lines := []string{rule(b.TopLeft, b.MiddleTop, b.TopRight)}
	head := []string{"GDC clause"}
	for k := 0; k < x.shown; k++ {
		head = append(head, x.table.Columns[1+x.first+k].Header)
	}
	cells := make([]string, len(head))
	for j, hd := range head {
		more := ""
		if j == 1 && x.first > 0 {
			more = "‹"
		}
		if j == len(head)-1 && x.first+x.shown < len(x.cmp.Documents) {
			more = "›"
		}
		cells[j] = th.Render(report.MarkBold, hd) + strings.Repeat(" ", max(x.widths[j]-report.Width(hd)-report.Width(more), 0)) + more
	}
	lines = append(lines, x.joinRow(cells, -1))
	lines = append(lines, rule(b.MiddleLeft, b.Middle, b.MiddleRight))
	if len(x.cmp.Rows) == 0 {
		lines = append(lines, "No GDC clause matches these filters (x clears them).")
	}
	for i := x.top; i < len(x.cmp.Rows) && len(lines) < h-1; i++ {
		cl := x.cellLines(i)
		for ln := 0; ln < len(cl[0]) && len(lines) < h-1; ln++ {
			cells := make([]string, len(cl))
			for j := range cl {
				s := ""
				if ln < len(cl[j]) {
					s = cl[j][ln]
				}
				cells[j] = s + strings.Repeat(" ", max(x.widths[j]-ansi.StringWidth(s), 0))
				if i == x.row && j == x.shownCol() {
					cells[j] = th.Cursor.Render(ansi.Strip(cells[j]))
				}
			}
			mark := -1
			if i == x.row && ln == 0 {
				mark = x.shownCol()
			}
			lines = append(lines, x.joinRow(cells, mark))
		}
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	return append(lines, th.Status.Render(report.Truncate(report.Plain(x.describeCursor()), w).String()))
}

// shownCol is the cursor's column among those drawn (-1: scrolled away).
func (x *matrix) shownCol() int {
	if x.col == 0 {
		return 0
	}
	if k := x.col - 1 - x.first; k >= 0 && k < x.shown {
		return 1 + k
	}
	return -1
}

// joinRow draws one line of a row; the cursor's cell gets a ▸ (> in
// ASCII) in its left padding on the row's first line, so it shows with no
// colour too.
func (x *matrix) joinRow(cells []string, mark int) string {
	th := x.m.ctx.Theme
	v := th.Render(report.MarkDim, th.Border.Left)
	var sb strings.Builder
	sb.WriteString(v)
	for j, c := range cells {
		pad := " "
		if j == mark {
			pad = "▸"
			if th.ASCII {
				pad = ">"
			}
		}
		sb.WriteString(pad + c + " " + v)
	}
	return sb.String()
}

// describeCursor says what the cursor is on.
func (x *matrix) describeCursor() string {
	if len(x.cmp.Rows) == 0 {
		return ""
	}
	r := x.cmp.Rows[x.row]
	pos := fmt.Sprintf("%d/%d ", x.row+1, len(x.cmp.Rows))
	if x.col == 0 {
		return pos + r.Clause + " · enter: the clause with every document's counterparts"
	}
	c := r.Cells[x.col-1]
	what := c.Stance
	switch c.Coverage {
	case compare.CoverNotableSilence:
		what = "notable silence"
	case compare.CoverReviewedSilence:
		what = "reviewed, no counterpart"
	case compare.CoverNotReviewed:
		what = "not reviewed"
	case compare.CoverCounterpart:
		what = fmt.Sprintf("%s, %d counterpart%s", c.Stance, len(c.Counterparts), plural(len(c.Counterparts)))
	}
	return pos + r.Clause + " × " + c.Document + ": " + what + " · enter: why"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (x *matrix) move(dr, dc int) {
	if len(x.cmp.Rows) == 0 {
		return
	}
	x.row = min(max(x.row+dr, 0), len(x.cmp.Rows)-1)
	x.col = min(max(x.col+dc, 0), len(x.cmp.Documents))
	x.resize(x.w, x.h)
}

func (x *matrix) scroll(n int) { x.move(n, 0) }

func (x *matrix) key(msg tea.KeyPressMsg) tea.Cmd {
	k := x.m.ctx.Keys
	page := max(x.bodyRows()/2, 1)
	switch {
	case key.Matches(msg, k.Up):
		x.move(-1, 0)
	case key.Matches(msg, k.Down):
		x.move(1, 0)
	case key.Matches(msg, k.Left):
		x.move(0, -1)
	case key.Matches(msg, k.Right):
		x.move(0, 1)
	case key.Matches(msg, k.Top):
		x.move(-len(x.cmp.Rows), 0)
	case key.Matches(msg, k.Bottom):
		x.move(len(x.cmp.Rows), 0)
	case key.Matches(msg, k.PageUp):
		x.move(-page, 0)
	case key.Matches(msg, k.PageDown):
		x.move(page, 0)
	case key.Matches(msg, k.Open):
		if len(x.cmp.Rows) == 0 {
			return nil
		}
		doc := ""
		if x.col > 0 {
			doc = x.cmp.Documents[x.col-1]
		}
		if cl, err := x.m.ctx.Opts.Data.Corpus.Resolve(x.cmp.Rows[x.row].Clause); err == nil {
			x.m.push(newPair(x.m, x.filter, cl, doc))
		}
	case key.Matches(msg, k.Read):
		id := corpus.ReferenceID
		if x.col > 0 {
			id = x.cmp.Documents[x.col-1]
		}
		var at string
		if x.col == 0 && len(x.cmp.Rows) > 0 {
			at = x.cmp.Rows[x.row].Clause
		}
		if d, ok := x.m.ctx.Opts.Data.Corpus.Doc(id); ok {
			x.m.push(newReader(x.m, d, at))
		}
	case key.Matches(msg, k.Doc):
		x.cycleDoc()
	case key.Matches(msg, k.Objective):
		x.filter.Objective = (x.filter.Objective + 1) % 6
		x.rebuild()
	case key.Matches(msg, k.Theme):
		x.cycleTheme()
	case key.Matches(msg, k.Stance):
		x.filter.Stances = cycle(x.filter.Stances, append(mapping.Stances[:3:3], compare.Silent, compare.NotReviewed))
		x.rebuild()
	case key.Matches(msg, k.Confidence):
		x.filter.Confidence = cycleOne(x.filter.Confidence, []string{"", "medium", "high"})
		x.rebuild()
	case key.Matches(msg, k.Clear):
		x.filter = compare.Filter{}
		x.rebuild()
	}
	return nil
}

// cycle moves a one-value list filter to the next value: none → each
// value in turn → none.
func cycle(cur, values []string) []string {
	c := ""
	if len(cur) == 1 {
		c = cur[0]
	}
	next := cycleOne(c, append([]string{""}, values...))
	if next == "" {
		return nil
	}
	return []string{next}
}

func cycleOne(cur string, values []string) string {
	for i, v := range values {
		if v == cur {
			return values[(i+1)%len(values)]
		}
	}
	return values[0]
}

func (x *matrix) cycleDoc() {
	var ids []string
	for _, d := range x.m.ctx.Opts.Data.Corpus.Counterparts() {
		ids = append(ids, d.ID)
	}
	x.filter.Against = cycle(x.filter.Against, ids)
	x.col = min(x.col, 1)
	x.first = 0
	x.rebuild()
}

// cycleTheme steps through the named sets of themes, then each theme.
func (x *matrix) cycleTheme() {
	th := x.m.ctx.Opts.Data.Corpus.Themes
	var names []string
	for _, s := range th.Sets {
		names = append(names, s.Key)
	}
	names = append(names, th.Keys()...)
	cur := strings.Join(x.filter.Themes, ",")
	next := ""
	for i, n := range names {
		keys, _ := th.Expand(n)
		if strings.Join(keys, ",") == cur {
			next = cycleOne(n, append(names[:i+1:i+1], append(names[i+1:], "")...))
			break
		}
	}
	if cur == "" {
		next = names[0]
	}
	x.filter.Themes = nil
	if next != "" {
		x.filter.Themes, _ = th.Expand(next)
	}
	x.rebuild()
}

// find moves to the next row (and column) whose clause text holds q, in
// either script: both sides are folded to Simplified first.
func (x *matrix) find(q string, dir int) bool {
	if x.index == nil {
		x.buildIndex()
	}
	fq := textnorm.Fold(q)
	n := len(x.index)
	if n == 0 || fq == "" {
		return false
	}
	cols := len(x.cmp.Documents) + 1
	pos := x.row*cols + x.col
	for step := 1; step <= n*cols; step++ {
		p := ((pos+dir*step)%(n*cols) + n*cols) % (n * cols)
		r, c := p/cols, p%cols
		if strings.Contains(x.index[r][c], fq) {
			x.row, x.col = r, c
			x.resize(x.w, x.h)
			return true
		}
	}
	return false
}

func (x *matrix) bindings() [][]key.Binding {
	k := x.m.ctx.Keys
	return [][]key.Binding{
		{k.Open, k.Search, k.Doc, k.Objective, k.Theme, k.Stance, k.Confidence, k.Clear, k.Read},
		{k.Left, k.Right},
	}
}
