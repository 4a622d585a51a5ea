package view

import (
	"fmt"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Gap sides: which silences a gaps report covers.
const (
	SideBoth = "both"
	SideGDC  = "gdc"
	SideCN   = "cn"
)

// Gaps are silences both ways: GDC clauses with no counterpart, and Chinese
// clauses no GDC clause maps to.
type Gaps struct {
	Meta
	Side      string        `json:"side"`
	Documents []string      `json:"documents"`
	Coverage  []DocCoverage `json:"coverage"`
	Silences  []GapSilences `json:"gdc_silences"`
	Unmapped  []GapUnmapped `json:"unmapped_counterpart_clauses"`
	ref       string        // the reference document (the GDC)
}

// GapSilences are the silent GDC clauses of one theme.
type GapSilences struct {
	Theme   string       `json:"theme"`
	ThemeEn string       `json:"theme_en"`
	Clauses []GapSilence `json:"clauses"`
	label   string
}

// GapSilence is one GDC clause and the documents with no counterpart to it.
type GapSilence struct {
	Clause    string   `json:"clause"`
	Kind      string   `json:"kind"`
	SummaryEn string   `json:"summary_en"`
	SilentIn  []string `json:"silent_in"`
	// NotReviewedIn are the documents nobody has reviewed the clause
	// against: out of scope, not silences.
	NotReviewedIn []string `json:"not_reviewed_in"`
	Notes         []Record `json:"notable_silences"`
	// Reasons are the curators' silence entries for the documents in
	// SilentIn that have one (the others have a notable-silence record).
	Reasons []Silence `json:"silences"`
	src     compare.Silence
}

// GapUnmapped are the unmapped Chinese clauses of one theme.
type GapUnmapped struct {
	Theme   string   `json:"theme"`
	ThemeEn string   `json:"theme_en"`
	Clauses []Clause `json:"clauses"`
	label   string
	cls     []*corpus.Clause
}

// NewGaps finds the silences on side (SideBoth, SideGDC or SideCN); inAll
// keeps only GDC clauses silent in every compared document.
func NewGaps(c Context, side string, inAll bool) *Gaps {
	g := compare.FindGaps(c.Data.Corpus, c.Data.Mappings, c.Filter, compare.GapOptions{
		GDCSide: side != SideCN, CNSide: side != SideGDC, InAll: inAll,
	})
	c.Filter.Side, c.Filter.InAll = side, inAll
	v := &Gaps{Meta: c.meta("gaps"), Side: side, Documents: []string{}, Silences: []GapSilences{}, Unmapped: []GapUnmapped{}}
	if gdc, ok := c.Data.Corpus.Reference(); ok {
		v.ref = gdc.ID
	}
	for _, d := range g.Docs {
		v.Documents = append(v.Documents, d.ID)
	}
	v.Coverage = docCoverage(c, g.Docs)
	for _, grp := range g.Silences {
		gv := GapSilences{Theme: grp.Theme.Key, ThemeEn: grp.Theme.En, Clauses: []GapSilence{}, label: grp.Theme.Label()}
		for _, s := range grp.Rows {
			sv := GapSilence{Clause: s.Clause.QID(), Kind: s.Clause.Kind, SummaryEn: s.Clause.SummaryEn, SilentIn: []string{}, NotReviewedIn: []string{},
				Notes: []Record{}, Reasons: []Silence{}, src: s}
			for _, d := range s.SilentIn {
				sv.SilentIn = append(sv.SilentIn, d.ID)
			}
			for _, d := range s.NotReviewedIn {
				sv.NotReviewedIn = append(sv.NotReviewedIn, d.ID)
			}
			for _, r := range s.Noted {
				sv.Notes = append(sv.Notes, NewRecord(r))
			}
			for _, si := range s.Reasons {
				for _, one := range NewSilences(si) {
					if one.Source == sv.Clause {
						sv.Reasons = append(sv.Reasons, one)
					}
				}
			}
			gv.Clauses = append(gv.Clauses, sv)
		}
		v.Silences = append(v.Silences, gv)
	}
	for _, grp := range g.Unmapped {
		gv := GapUnmapped{Theme: grp.Theme.Key, ThemeEn: grp.Theme.En, Clauses: []Clause{}, label: grp.Theme.Label(), cls: grp.Clauses}
		for _, cl := range grp.Clauses {
			gv.Clauses = append(gv.Clauses, NewClause(cl))
		}
		v.Unmapped = append(v.Unmapped, gv)
	}
	return v
}

func (v *Gaps) silenceCount() int {
	n := 0
	for _, grp := range v.Silences {
		n += len(grp.Clauses)
	}
	return n
}

func (v *Gaps) unmappedCount() int {
	n := 0
	for _, grp := range v.Unmapped {
		n += len(grp.Clauses)
	}
	return n
}

// Doc lays the gaps out by side, then by theme.
func (v *Gaps) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Gaps: what one side says and the other never takes up",
		Meta:  v.fields(),
		Notes: []string{columnsNote(v.Documents), "Summaries are crosswalk's own and unofficial."},
		Hints: []string{"`crosswalk show ID` prints the text."},
	}
	if note := coverageNote(v.Coverage); note != "" {
		d.Notes = append(d.Notes, note+" Chinese clauses are listed only for documents reviewed completely.")
	}
	if v.Side != SideCN {
		head := fmt.Sprintf("GDC clauses with no counterpart (%d)", v.silenceCount())
		if v.Filters.InAll {
			head = v.inAllHeading()
		}
		d.Blocks = append(d.Blocks, report.Heading{Text: head})
		d.Blocks = append(d.Blocks, v.silenceBlocks()...)
	}
	if v.Side != SideGDC {
		d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("Chinese clauses no GDC clause maps to (%d)", v.unmappedCount())})
		d.Blocks = append(d.Blocks, v.unmappedBlocks()...)
	}
	return d
}

// inAllHeading says over which documents --in-all counted: a document not
// reviewed (or a draft, for the clauses it has not reached) is left out,
// and the heading says so rather than a footer.
func (v *Gaps) inAllHeading() string {
	var left []string
	complete := 0
	for _, c := range v.Coverage {
		switch c.Mapping {
		case compare.MappingComplete:
			complete++
		case compare.MappingDraft:
			left = append(left, fmt.Sprintf("%s a draft, counted on the %d of %d clauses reviewed", c.Document, c.ClausesReviewed, c.Clauses))
		default:
			left = append(left, c.Document+" not reviewed")
		}
	}
	if len(left) == 0 {
		return fmt.Sprintf("GDC clauses silent in every compared document (%d)", v.silenceCount())
	}
	return fmt.Sprintf("GDC clauses silent in every reviewed document (%d of %d; %s) (%d)",
		complete, len(v.Coverage), strings.Join(left, "; "), v.silenceCount())
}

var noneMatch = report.Para{Text: report.Plain("None match these filters.")}

func (v *Gaps) silenceBlocks() []report.Block {
	if len(v.Silences) == 0 {
		return []report.Block{noneMatch}
	}
	var out []report.Block
	for _, grp := range v.Silences {
		t := &report.Table{Columns: []report.Column{{Header: "GDC clause"}, {Header: "Silent in"}}}
		for _, s := range grp.Clauses {
			in := report.Plain(v.silentIn(s))
			if len(s.NotReviewedIn) > 0 {
				for _, id := range s.NotReviewedIn {
					in = in.With(report.Seg{Text: "\n"}, report.StanceGlyph(compare.NotReviewed), report.Seg{Text: " " + ShortDoc(id), Mark: report.MarkDim})
				}
			}
			t.Rows = append(t.Rows, []report.Text{v.silenceCell(s), in})
		}
		out = append(out, report.Para{Text: report.Marked(grp.label, report.MarkBold)}, t)
	}
	return out
}

// silenceCell is the clause with the curators' notes on notable silences
// and their reason for each other silence, naming the nearest clause.
func (v *Gaps) silenceCell(s GapSilence) report.Text {
	t := gist(v.lang, s.src.Clause)
	for _, r := range s.src.Noted {
		t = append(t, report.Seg{Text: "\n"}, report.NotedSilence(), report.Seg{Text: " " + ShortDoc(r.TargetDoc) + ": " + r.Note, Mark: report.MarkDim})
	}
	for _, r := range s.Reasons {
		t = append(t, report.Seg{Text: "\n"}, report.StanceGlyph(compare.Silent), report.Seg{Text: " " + ShortDoc(r.Document) + ": " + r.Note, Mark: report.MarkDim})
		if r.Nearest != nil {
			t = append(t, report.Seg{Text: " Nearest: ", Mark: report.MarkDim}, report.Seg{Text: *r.Nearest, Mark: report.MarkBold})
		}
	}
	return t
}

// silentIn names the documents, or "all N" when it is every one of them.
func (v *Gaps) silentIn(s GapSilence) string {
	if len(v.Documents) > 1 && len(s.SilentIn) == len(v.Documents) {
		return fmt.Sprintf("all %d", len(v.Documents))
	}
	names := make([]string, len(s.SilentIn))
	for i, id := range s.SilentIn {
		names[i] = ShortDoc(id)
	}
	return strings.Join(names, "\n")
}

func (v *Gaps) unmappedBlocks() []report.Block {
	if len(v.Unmapped) == 0 {
		return []report.Block{noneMatch}
	}
	var out []report.Block
	for _, grp := range v.Unmapped {
		t := &report.Table{Columns: []report.Column{{Header: "Clause"}, {Header: "Kind"}, {Header: gistHeader(v.lang)}}}
		for _, cl := range grp.cls {
			t.Rows = append(t.Rows, []report.Text{report.Marked(cl.QID(), report.MarkBold), report.Plain(cl.Kind), gistText(v.lang, cl)})
		}
		out = append(out, report.Para{Text: report.Marked(grp.label, report.MarkBold)}, t)
	}
	return out
}

// gistHeader names the column gistText fills.
func gistHeader(lang string) string {
	switch lang {
	case "zh":
		return "Text"
	case "en":
		return "Summary (unofficial)"
	}
	return "Summary (unofficial) and text"
}

// gistText is gist without the clause ID.
func gistText(lang string, cl *corpus.Clause) report.Text {
	switch lang {
	case "zh":
		return report.Plain(cl.Text)
	case "en":
		return report.Plain(cl.SummaryEn)
	}
	return report.Plain(cl.SummaryEn + "\n" + cl.Text)
}

// Table is one row per silence: a GDC clause and one document with no
// counterpart to it (with the curators' note where they recorded one), or
// a Chinese clause no GDC clause maps to (silent_in is then gdc). A listed
// GDC clause also gets a row per document that has not reviewed it, with
// coverage not-reviewed (silent_in then names that document). group_theme
// is the clause's main theme, which the report groups by; theme is the
// record's own, as in every CSV: only a notable silence has a record.
// --lang en and both add the clause's unofficial English summary.
func (v *Gaps) Table(bool) *report.Table {
	en := v.lang != "zh"
	cols := []string{"side", "clause", "kind", "group_theme", "text"}
	if en {
		cols = append(cols, "summary_en")
	}
	t := table(append(cols, "silent_in", "theme", "notable_silence_note", "coverage", "silence_note", "nearest")...)
	add := func(side, clause, kind, group, text, summary string, rest ...string) {
		cells := []string{side, clause, kind, group, text}
		if en {
			cells = append(cells, summary)
		}
		t.Rows = append(t.Rows, row(append(cells, rest...)...))
	}
	for _, grp := range v.Silences {
		for _, s := range grp.Clauses {
			text := s.src.Clause.Text
			for _, doc := range s.SilentIn {
				note, theme, cov := "", "", compare.CoverReviewedSilence
				if r := s.src.NotedIn(doc); r != nil {
					note, theme, cov = r.Note, r.Theme, compare.CoverNotableSilence
				}
				reason, nearest := "", ""
				for _, r := range s.Reasons {
					if r.Document == doc {
						reason = r.Note
						if r.Nearest != nil {
							nearest = *r.Nearest
						}
					}
				}
				add(SideGDC, s.Clause, s.Kind, grp.Theme, text, s.SummaryEn, doc, theme, note, cov, reason, nearest)
			}
			for _, doc := range s.NotReviewedIn {
				add(SideGDC, s.Clause, s.Kind, grp.Theme, text, s.SummaryEn, doc, "", "", compare.CoverNotReviewed, "", "")
			}
		}
	}
	for _, grp := range v.Unmapped {
		for _, cl := range grp.Clauses {
			add(SideCN, cl.ID, cl.Kind, grp.Theme, cl.Text, cl.SummaryEn, v.ref, "", "", "unmapped", "", "")
		}
	}
	return t
}
