package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// DivergencesOptions are the inputs of `crosswalk divergences`.
type DivergencesOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdDivergences lists every divergent pair grouped by theme.
func NewCmdDivergences(f *Factory, runF func(*DivergencesOptions) error) *cobra.Command {
	opts := &DivergencesOptions{}
	cmd := &cobra.Command{
		Use:   "divergences",
		Short: "Every divergent pair, grouped by theme, with both texts, the evidence and the note",
		Long: `List every pair the curators marked divergent — same subject, conflicting
position — grouped by theme. Each shows the GDC text and the counterpart text
with the quoted evidence highlighted, and the note naming the conflict.
--lang en shows the English (official where it exists, else crosswalk's
unofficial summary) instead of the Chinese.`,
		Example: `  crosswalk divergences --theme internet-governance
  crosswalk divergences --against cn-position-2024 --format md -o divergences.md`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *DivergencesOptions) error { return divergencesRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type themeGroupJSON struct {
	Theme   string     `json:"theme"`
	ThemeEn string     `json:"theme_en"`
	Pairs   []pairJSON `json:"pairs"`
}

type pairJSON struct {
	mappingJSON
	SourceClause clauseJSON  `json:"source_clause"`
	TargetClause *clauseJSON `json:"target_clause,omitempty"`
}

func divergencesRun(f *Factory, opts *DivergencesOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	groups := compare.Divergences(ds.Corpus, ds.Mappings, filter)
	doc := &report.Doc{
		Title:  "Divergences: where a Chinese text takes a conflicting position",
		Meta:   reportMeta(ds, &opts.Filters),
		CSV:    pairsCSV(groups),
		Legend: []string{quoteLegend(f, &opts.Out), "Notes and summaries are crosswalk's own and unofficial; the texts are verbatim."},
	}
	out := struct {
		metaJSON
		Groups []themeGroupJSON `json:"groups"`
	}{metaJSON{Report: "divergences", DataVersion: ds.Version, Filters: filter}, toGroupsJSON(groups)}
	if len(groups) == 0 {
		doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("No divergent pair matches these filters.")})
	}
	n := 0
	for _, g := range groups {
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("%s — %s (%d)", g.Theme.En, g.Theme.Zh, len(g.Pairs))})
		for _, p := range g.Pairs {
			n++
			doc.Blocks = append(doc.Blocks, pairBlocks(f.Lang, p)...)
		}
	}
	doc.Meta = append(doc.Meta, report.Field{Label: "Pairs", Value: report.Plain(fmt.Sprint(n))})
	return f.emit(&opts.Out, doc, out)
}

// pairBlocks shows a record with both texts, labelled, and the note.
func pairBlocks(lang string, p compare.Pair) []report.Block {
	r := p.Record
	head := report.Marked(p.Source.QID(), report.MarkBold)
	date := r.TargetDoc
	if p.Target != nil {
		head = append(head, report.Plain("  ↔  ")...)
		head = append(head, report.Marked(p.Target.QID(), report.MarkBold)...)
		date = p.Target.Doc.Date
	}
	head = append(head, report.Seg{Text: fmt.Sprintf("  %s %s · %s · confidence %s", stanceSymbol(r.Stance, false), r.Stance, date, r.Confidence), Mark: stanceMark(r.Stance)})
	fields := clauseFields(lang, "GDC", p.Source, r.Quotes.Source)
	if p.Target != nil {
		fields = append(fields, clauseFields(lang, shortDoc(r.TargetDoc), p.Target, r.Quotes.Target)...)
	}
	fields = append(fields, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	return []report.Block{report.Para{}, report.Para{Text: head}, fields}
}

// clauseFields labels a clause's text and English per --lang.
func clauseFields(lang, label string, cl *corpus.Clause, quotes ...string) report.Fields {
	var out report.Fields
	if lang != "en" {
		out = append(out, report.Field{Label: label, Value: report.Highlight(cl.Text, quotes...)})
		label = ""
	}
	if lang != "zh" {
		en, what := cl.SummaryEn, "(unofficial summary) "
		if cl.TextEn != "" {
			en, what = cl.TextEn, "(official English) "
		}
		if label == "" {
			label = "  English"
		}
		out = append(out, report.Field{Label: label, Value: append(report.Marked(what, report.MarkDim), report.Plain(en)...)})
	}
	return out
}

func quoteLegend(f *Factory, o *outputFlags) string {
	if o.Format == "table" && o.Output == "" && f.IO.ColorEnabled() {
		return "Bold underlined: the quoted evidence of each record."
	}
	if o.Format == "md" {
		return "Bold: the quoted evidence of each record."
	}
	return "⟦…⟧ marks the quoted evidence of each record."
}

func pairsCSV(groups []compare.ThemeGroup) *report.Table {
	t := &report.Table{}
	for _, h := range []string{"theme", "source", "target", "document", "date", "stance", "relationship", "confidence", "note", "quote_source", "quote_target", "source_text", "target_text"} {
		t.Columns = append(t.Columns, report.Column{Header: h})
	}
	for _, g := range groups {
		for _, p := range g.Pairs {
			r := p.Record
			target, date, text := r.TargetQID(), "", ""
			if p.Target != nil {
				date, text = p.Target.Doc.Date, p.Target.Text
			}
			t.Rows = append(t.Rows, plainRow(g.Theme.Key, p.Source.QID(), target, r.TargetDoc, date, r.Stance, r.Relationship, r.Confidence, r.Note, r.Quotes.Source, r.Quotes.Target, p.Source.Text, text))
		}
	}
	return t
}

func toGroupsJSON(groups []compare.ThemeGroup) []themeGroupJSON {
	out := []themeGroupJSON{}
	for _, g := range groups {
		gj := themeGroupJSON{Theme: g.Theme.Key, ThemeEn: g.Theme.En, Pairs: []pairJSON{}}
		for _, p := range g.Pairs {
			pj := pairJSON{mappingJSON: toMappingJSON(p.Record), SourceClause: toClauseJSON(p.Source)}
			if p.Target != nil {
				c := toClauseJSON(p.Target)
				pj.TargetClause = &c
			}
			gj.Pairs = append(gj.Pairs, pj)
		}
		out = append(out, gj)
	}
	return out
}
