package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/agree"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Agree compares the mappings in use ("here") with another mapping set
// ("there"): a second curator's, or another version of the data.
type Agree struct {
	Report           string         `json:"report"`
	DataVersion      string         `json:"data_version"`
	With             string         `json:"with"`
	WithDataVersion  string         `json:"with_data_version"`
	Weights          string         `json:"weights"`
	Documents        []AgreeDoc     `json:"documents"`
	Overall          AgreeStats     `json:"overall"`
	Disagreements    []Disagreement `json:"disagreements"`
	RecordsOnlyHere  []Record       `json:"records_only_here"`
	RecordsOnlyThere []Record       `json:"records_only_there"`
	RecordsChanged   []RecordChange `json:"records_changed"`

	origin string
}

// AgreeDoc is the agreement on one document.
type AgreeDoc struct {
	Document    string `json:"document"`
	Mapping     string `json:"mapping"`
	WithMapping string `json:"with_mapping"`
	AgreeStats
	// OnlyHere and OnlyThere count GDC clauses reviewed in one set only
	// (out of the comparison).
	OnlyHere  int `json:"clauses_reviewed_only_here"`
	OnlyThere int `json:"clauses_reviewed_only_there"`
}

// AgreeStats are the figures over the pairs both sets reviewed. κ values
// are null where undefined (no pairs, or one category only on both sides).
type AgreeStats struct {
	Pairs         int      `json:"pairs_both_coded"`
	Agreements    int      `json:"agreements"`
	Percent       float64  `json:"percent_agreement"`
	Kappa         *float64 `json:"kappa"`
	WeightedKappa *float64 `json:"weighted_kappa"`
	// Confusion: rows are the stances here, columns there, in the order of
	// categories.
	Categories []string `json:"categories"`
	Confusion  [][]int  `json:"confusion"`
	Recall     Recall   `json:"recall"`
}

// Recall is how completely each set holds the other's counterparts, over
// the pairs both coded. With "there" an independent reader, recall is the
// share of that reader's counterparts the records hold, precision the share
// of the records that reader found too; shares are null with nothing to count.
type Recall struct {
	Counterparts     int      `json:"counterparts_here"`
	WithCounterparts int      `json:"counterparts_there"`
	Found            int      `json:"counterparts_in_both"`
	Recall           *float64 `json:"recall"`
	Precision        *float64 `json:"precision"`
	Cells            int      `json:"cells_with_counterparts_here"`
	WithCells        int      `json:"cells_with_counterparts_there"`
	CellsBoth        int      `json:"cells_with_counterparts_in_both"`
	CellRecall       *float64 `json:"cell_recall"`
	CellPrecision    *float64 `json:"cell_precision"`
}

// share is part/whole in percent to one decimal, or nil for an empty whole.
func share(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	v := math.Round(1000*float64(part)/float64(whole)) / 10
	return &v
}

func newRecall(r agree.Recall) Recall {
	return Recall{Counterparts: r.Here, WithCounterparts: r.There, Found: r.Found, Recall: share(r.Found, r.There), Precision: share(r.Found, r.Here),
		Cells: r.CellsHere, WithCells: r.CellsThere, CellsBoth: r.CellsBoth, CellRecall: share(r.CellsBoth, r.CellsThere), CellPrecision: share(r.CellsBoth, r.CellsHere)}
}

// Disagreement is one (GDC clause, document) pair with different pair
// stances, with both sets' records side by side.
type Disagreement struct {
	Clause      string   `json:"clause"`
	Document    string   `json:"document"`
	Stance      string   `json:"stance"`
	WithStance  string   `json:"with_stance"`
	Records     []Record `json:"records"`
	WithRecords []Record `json:"with_records"`
	summaryEn   string
}

// RecordChange is a pair both sets record, coded differently.
type RecordChange struct {
	Source string   `json:"source"`
	Target string   `json:"target"`
	Fields []string `json:"fields"`
	Here   Record   `json:"record"`
	There  Record   `json:"with_record"`
}

// WeightsText states the weights of the weighted κ.
const WeightsText = "disagreement weights: aligned–partial 0.5, partial–divergent 0.5, aligned–divergent 1, silent against any stance 1 (aligned, partial and divergent on an ordinal scale; a silence is a different kind of answer)"

func round3(x float64) *float64 {
	v := math.Round(x*1000) / 1000
	return &v
}

func agreeStats(s agree.Stats) AgreeStats {
	out := AgreeStats{Pairs: s.Pairs, Agreements: s.Agreements, Percent: math.Round(s.Percent()*10) / 10,
		Categories: append([]string(nil), agree.Categories...), Recall: newRecall(s.Recall)}
	if k, ok := s.Kappa(); ok {
		out.Kappa = round3(k)
	}
	if k, ok := s.WeightedKappa(); ok {
		out.WeightedKappa = round3(k)
	}
	for i := range s.Confusion {
		out.Confusion = append(out.Confusion, append([]int(nil), s.Confusion[i][:]...))
	}
	return out
}

func records(rs []*mapping.Record) []Record {
	out := []Record{}
	for _, r := range rs {
		out = append(out, NewRecord(r))
	}
	return out
}

// NewAgree compares the data in use with other, whose origin is with.
func NewAgree(here, there *dataset.Dataset, res agree.Result) *Agree {
	v := &Agree{Report: "agree", DataVersion: here.Version, With: there.Origin, WithDataVersion: there.Version, Weights: WeightsText,
		Documents: []AgreeDoc{}, Overall: agreeStats(res.Overall), Disagreements: []Disagreement{},
		RecordsOnlyHere: records(res.OnlyHere), RecordsOnlyThere: records(res.OnlyThere), RecordsChanged: []RecordChange{}, origin: here.Origin}
	for _, d := range res.Docs {
		v.Documents = append(v.Documents, AgreeDoc{Document: d.Doc.ID, Mapping: d.HereStatus, WithMapping: d.ThereStatus,
			AgreeStats: agreeStats(d.Stats), OnlyHere: d.OnlyHere, OnlyThere: d.OnlyThere})
	}
	for _, u := range res.Disagreements {
		v.Disagreements = append(v.Disagreements, Disagreement{Clause: u.Clause.QID(), Document: u.Doc, Stance: u.Here, WithStance: u.There,
			Records: records(u.HereRecords), WithRecords: records(u.ThereRecords), summaryEn: u.Clause.SummaryEn})
	}
	for _, ch := range res.Changed {
		v.RecordsChanged = append(v.RecordsChanged, RecordChange{Source: ch.Here.SourceQID(), Target: ch.Here.TargetQID(), Fields: ch.Fields,
			Here: NewRecord(ch.Here), There: NewRecord(ch.There)})
	}
	return v
}

func kappaText(k *float64) string {
	if k == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *k)
}

// Doc is the reconciliation sheet: figures per document, the confusion
// matrices, every disagreement with both sets' records and notes side by
// side, then the records one set lacks or codes differently.
func (v *Agree) Doc() *report.Doc {
	d := &report.Doc{
		Title: "Agreement: the mappings in use against " + v.With,
		Meta: []report.Field{
			{Label: "Here", Value: report.Plain(v.origin + ", version " + v.DataVersion)},
			{Label: "There", Value: report.Plain(v.With + ", version " + v.WithDataVersion)},
		},
		Notes: []string{
			"Pairs both coded: (GDC clause, document) pairs that both sets reviewed (footnotes aside), each reduced to one pair stance: divergent if any record is, else partial, else aligned, else silent (no record, or a none record).",
			"κ: Cohen's kappa on pair stance. Weighted κ: " + WeightsText + ".",
		},
	}
	t := &report.Table{Columns: []report.Column{{Header: "Document"}, {Header: "Mapping here / there"}, {Header: "Pairs both coded"},
		{Header: "Agree"}, {Header: "κ"}, {Header: "Weighted κ"}, {Header: "Reviewed in one set only"}}}
	for _, doc := range v.Documents {
		t.Rows = append(t.Rows, []report.Text{report.Marked(ShortDoc(doc.Document), report.MarkBold), report.Plain(doc.Mapping + " / " + doc.WithMapping),
			report.Plain(itoa(doc.Pairs)), report.Plain(fmt.Sprintf("%d (%.1f%%)", doc.Agreements, doc.Percent)),
			report.Plain(kappaText(doc.Kappa)), report.Plain(kappaText(doc.WeightedKappa)),
			report.Plain(fmt.Sprintf("%d here, %d there", doc.OnlyHere, doc.OnlyThere))})
	}
	o := v.Overall
	t.Rows = append(t.Rows, []report.Text{report.Marked("all", report.MarkBold), report.Plain(""), report.Plain(itoa(o.Pairs)),
		report.Plain(fmt.Sprintf("%d (%.1f%%)", o.Agreements, o.Percent)), report.Plain(kappaText(o.Kappa)), report.Plain(kappaText(o.WeightedKappa)), report.Plain("")})
	d.Blocks = append(d.Blocks, t)

	d.Blocks = append(d.Blocks, report.Heading{Text: "Counterparts: how much of each set the other holds"}, v.recallTable(),
		report.Para{Text: report.Plain("Over the pairs both coded. Reading there as an independent reader: recall is the share of that reader's counterparts (or of the cells where it found one) that the data in use has too; precision is the share of the data's counterparts (or non-silent cells) that reader found.")})
	d.Blocks = append(d.Blocks, report.Heading{Text: "Confusion of pair stances, all documents (rows: here; columns: there)"}, confusionTable(o))
	for _, doc := range v.Documents {
		if doc.Pairs > 0 && doc.Agreements < doc.Pairs {
			d.Blocks = append(d.Blocks, report.Heading{Text: "Confusion: " + doc.Document}, confusionTable(doc.AgreeStats))
		}
	}

	d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("Disagreements (%d)", len(v.Disagreements))})
	if len(v.Disagreements) == 0 {
		d.Blocks = append(d.Blocks, report.Para{Text: report.Plain("None: every pair both sets coded has the same pair stance.")})
	} else {
		dt := &report.Table{Columns: []report.Column{{Header: "GDC clause → document"}, {Header: "Here"}, {Header: "There"}}}
		for _, x := range v.Disagreements {
			head := report.Marked(x.Clause, report.MarkBold).With(report.Seg{Text: " → " + x.Document + "\n"}, report.Seg{Text: x.summaryEn, Mark: report.MarkDim})
			dt.Rows = append(dt.Rows, []report.Text{head, side(x.Stance, x.Records), side(x.WithStance, x.WithRecords)})
		}
		d.Blocks = append(d.Blocks, dt)
	}
	d.Blocks = append(d.Blocks, recordBlocks(fmt.Sprintf("Records only here (%d)", len(v.RecordsOnlyHere)), v.RecordsOnlyHere)...)
	d.Blocks = append(d.Blocks, recordBlocks(fmt.Sprintf("Records only in %s (%d)", v.With, len(v.RecordsOnlyThere)), v.RecordsOnlyThere)...)
	d.Blocks = append(d.Blocks, report.Heading{Text: fmt.Sprintf("Records coded differently (%d)", len(v.RecordsChanged))})
	if len(v.RecordsChanged) > 0 {
		ct := &report.Table{Columns: []report.Column{{Header: "Pair"}, {Header: "Fields"}, {Header: "Here"}, {Header: "There"}}}
		for _, c := range v.RecordsChanged {
			ct.Rows = append(ct.Rows, []report.Text{report.Marked(c.Source+" → "+c.Target, report.MarkBold), report.Plain(strings.Join(c.Fields, ", ")),
				recordText(c.Here, c.Fields), recordText(c.There, c.Fields)})
		}
		d.Blocks = append(d.Blocks, ct)
	}
	return d
}

// recallTable is recall and precision per document, counterpart and cell.
func (v *Agree) recallTable() *report.Table {
	t := &report.Table{Columns: []report.Column{{Header: "Document"}, {Header: "Counterparts here / there / both"}, {Header: "Recall"}, {Header: "Precision"},
		{Header: "Cells with one here / there / both"}, {Header: "Cell recall"}, {Header: "Cell precision"}}}
	line := func(name string, r Recall) []report.Text {
		return []report.Text{report.Marked(name, report.MarkBold), report.Plain(fmt.Sprintf("%d / %d / %d", r.Counterparts, r.WithCounterparts, r.Found)),
			report.Plain(pct(r.Recall)), report.Plain(pct(r.Precision)), report.Plain(fmt.Sprintf("%d / %d / %d", r.Cells, r.WithCells, r.CellsBoth)),
			report.Plain(pct(r.CellRecall)), report.Plain(pct(r.CellPrecision))}
	}
	for _, doc := range v.Documents {
		t.Rows = append(t.Rows, line(ShortDoc(doc.Document), doc.Recall))
	}
	t.Rows = append(t.Rows, line("all", v.Overall.Recall))
	return t
}

func pct(x *float64) string {
	if x == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", *x)
}

func confusionTable(s AgreeStats) *report.Table {
	t := &report.Table{Columns: []report.Column{{Header: "here \\ there"}}}
	for _, c := range s.Categories {
		t.Columns = append(t.Columns, report.Column{Header: c})
	}
	for i, c := range s.Categories {
		cells := []report.Text{report.Text{report.StanceGlyph(c), report.Seg{Text: " " + c, Mark: report.StanceMark(c)}}}
		for j := range s.Categories {
			txt := itoa(s.Confusion[i][j])
			if i == j {
				cells = append(cells, report.Marked(txt, report.MarkBold))
			} else {
				cells = append(cells, report.Plain(txt))
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// side is one set's pair stance with its records: counterpart, stance and note.
func side(stance string, rs []Record) report.Text {
	t := report.Text{report.StanceGlyph(stance), report.Seg{Text: " " + stance, Mark: report.StanceMark(stance)}}
	for _, r := range rs {
		target := r.Target
		if r.Stance == mapping.None {
			target = "(notable silence)"
		}
		t = append(t, report.Seg{Text: "\n"}, report.Seg{Text: target + " " + r.Stance + ", " + r.Confidence, Mark: report.MarkBold})
		if r.Note != "" {
			t = append(t, report.Seg{Text: "\n" + r.Note})
		}
	}
	return t
}

func recordBlocks(title string, rs []Record) []report.Block {
	out := []report.Block{report.Heading{Text: title}}
	if len(rs) == 0 {
		return out
	}
	t := &report.Table{Columns: []report.Column{{Header: "Pair"}, {Header: "Record"}}}
	for _, r := range rs {
		t.Rows = append(t.Rows, []report.Text{report.Marked(r.Source+" → "+r.Target, report.MarkBold), recordText(r, nil)})
	}
	return append(out, t)
}

// recordText is a record's coding in one cell; fields listed in hl are bold.
func recordText(r Record, hl []string) report.Text {
	mark := func(name string) report.Mark {
		for _, f := range hl {
			if f == name {
				return report.MarkBold
			}
		}
		return report.MarkNone
	}
	t := report.Text{report.StanceGlyph(r.Stance), report.Seg{Text: " " + r.Stance, Mark: mark("stance")}}
	for _, f := range []struct{ name, val string }{{"relationship", r.Relationship}, {"rationale", r.Rationale}, {"confidence", r.Confidence}, {"theme", r.Theme}} {
		if f.val != "" {
			t = append(t, report.Seg{Text: " · "}, report.Seg{Text: f.val, Mark: mark(f.name)})
		}
	}
	if r.Note != "" {
		t = append(t, report.Seg{Text: "\n"}, report.Seg{Text: r.Note, Mark: mark("note")})
	}
	return t
}

// Table: agree has no CSV form.
func (v *Agree) Table(bool) *report.Table { return nil }
