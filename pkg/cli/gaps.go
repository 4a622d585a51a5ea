package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// GapsOptions are the inputs of `crosswalk gaps`.
type GapsOptions struct {
	Filters filterFlags
	Out     outputFlags
	Side    string
	InAll   bool
}

// NewCmdGaps reports silences both ways.
func NewCmdGaps(f *Factory, runF func(*GapsOptions) error) *cobra.Command {
	opts := &GapsOptions{}
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "Silences both ways: GDC clauses with no counterpart, and Chinese positions the GDC does not take up",
		Long: `Report what each side says that the other never takes up, grouped by theme:

  GDC side: GDC clauses with no counterpart in a document (or, with --in-all,
            in any of them), with the curators' note where they recorded the
            silence as notable.
  CN side:  clauses of the Chinese texts that no GDC clause maps to — positions
            such as cyber sovereignty that the Compact does not take up.

Chapeaus, salutations and signatures are left out unless --kind asks for them.
Use --kind to keep only positions (e.g. --kind proposal --kind principle) and
leave out the white paper's descriptions of China's own practice.`,
		Example: `  crosswalk gaps --side cn --kind proposal --kind principle
  crosswalk gaps --side gdc --in-all --objective 3`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Out.check(); err != nil {
				return err
			}
			if !contains([]string{"both", "gdc", "cn"}, opts.Side) {
				return usageErrorf("--side must be both, gdc or cn, not %q", opts.Side)
			}
			if runF != nil {
				return runF(opts)
			}
			return gapsRun(f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Side, "side", "both", "which silences: gdc, cn or both")
	cmd.Flags().BoolVar(&opts.InAll, "in-all", false, "GDC side: only clauses silent in every compared document")
	_ = cmd.RegisterFlagCompletionFunc("side", fixedCompletion("both", "gdc", "cn"))
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fKind)
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

type gapsJSON struct {
	metaJSON
	Documents []string           `json:"documents"`
	Silences  []silenceGroupJSON `json:"gdc_silences"`
	Unmapped  []clauseGroupJSON  `json:"unmapped_counterpart_clauses"`
}

type silenceGroupJSON struct {
	Theme   string        `json:"theme"`
	ThemeEn string        `json:"theme_en"`
	Clauses []silenceJSON `json:"clauses"`
}

type silenceJSON struct {
	Clause    string        `json:"clause"`
	Kind      string        `json:"kind"`
	SummaryEn string        `json:"summary_en"`
	SilentIn  []string      `json:"silent_in"`
	Notes     []mappingJSON `json:"notable_silences"`
}

type clauseGroupJSON struct {
	Theme   string       `json:"theme"`
	ThemeEn string       `json:"theme_en"`
	Clauses []clauseJSON `json:"clauses"`
}

func gapsRun(f *Factory, opts *GapsOptions) error {
	ds, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	g := compare.FindGaps(ds.Corpus, ds.Mappings, filter, compare.GapOptions{
		GDCSide: opts.Side != "cn", CNSide: opts.Side != "gdc", InAll: opts.InAll,
	})
	out := gapsJSON{metaJSON: metaJSON{Report: "gaps", DataVersion: ds.Version, Filters: filter}, Silences: []silenceGroupJSON{}, Unmapped: []clauseGroupJSON{}}
	for _, d := range g.Docs {
		out.Documents = append(out.Documents, d.ID)
	}
	meta := reportMeta(ds, &opts.Filters)
	meta = append(meta, report.Field{Label: "Side", Value: report.Plain(opts.Side)})
	doc := &report.Doc{Title: "Gaps: what one side says and the other never takes up", Meta: meta}
	flat := &report.Table{}
	for _, h := range []string{"side", "clause", "kind", "theme", "summary_en", "silent_in", "notable_silence_note"} {
		flat.Columns = append(flat.Columns, report.Column{Header: h})
	}
	doc.CSV = flat

	if opts.Side != "cn" {
		n := 0
		for _, grp := range g.Silences {
			n += len(grp.Rows)
		}
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("GDC clauses with no counterpart (%d)", n)})
		if n == 0 {
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("None match these filters.")})
		}
		for _, grp := range g.Silences {
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Marked(grp.Theme.En+" — "+grp.Theme.Zh, report.MarkBold)})
			t := &report.Table{Columns: []report.Column{{Header: "GDC clause", Weight: 3}, {Header: "Silent in", Weight: 1}}}
			gj := silenceGroupJSON{Theme: grp.Theme.Key, ThemeEn: grp.Theme.En}
			for _, s := range grp.Rows {
				var names, ids []string
				for _, d := range s.SilentIn {
					names = append(names, shortDoc(d.ID))
					ids = append(ids, d.ID)
				}
				where := strings.Join(names, "\n")
				if s.InAll(g) && len(g.Docs) > 1 {
					where = fmt.Sprintf("all %d", len(g.Docs))
				}
				cell := report.Marked(s.Clause.ID, report.MarkBold)
				cell = append(cell, report.Plain(" "+gist(f.Lang, s.Clause, 400))...)
				var notes []string
				sj := silenceJSON{Clause: s.Clause.QID(), Kind: s.Clause.Kind, SummaryEn: s.Clause.SummaryEn, SilentIn: ids, Notes: []mappingJSON{}}
				for _, r := range s.Noted {
					cell = append(cell, report.Seg{Text: "\n·! " + shortDoc(r.TargetDoc) + ": " + r.Note, Mark: report.MarkDim})
					notes = append(notes, r.TargetDoc+": "+r.Note)
					sj.Notes = append(sj.Notes, toMappingJSON(r))
				}
				t.Rows = append(t.Rows, []report.Text{cell, report.Plain(where)})
				flat.Rows = append(flat.Rows, plainRow("gdc", s.Clause.QID(), s.Clause.Kind, grp.Theme.Key, s.Clause.SummaryEn, strings.Join(ids, ";"), strings.Join(notes, " | ")))
				gj.Clauses = append(gj.Clauses, sj)
			}
			doc.Blocks = append(doc.Blocks, t)
			out.Silences = append(out.Silences, gj)
		}
	}
	if opts.Side != "gdc" {
		n := 0
		for _, grp := range g.Unmapped {
			n += len(grp.Clauses)
		}
		doc.Blocks = append(doc.Blocks, report.Heading{Text: fmt.Sprintf("Chinese clauses no GDC clause maps to (%d)", n)})
		if n == 0 {
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Plain("None match these filters.")})
		}
		for _, grp := range g.Unmapped {
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Marked(grp.Theme.En+" — "+grp.Theme.Zh, report.MarkBold)})
			t := &report.Table{Columns: []report.Column{{Header: "Clause"}, {Header: "Kind"}, {Header: gistHeader(f.Lang), Weight: 1}}}
			gj := clauseGroupJSON{Theme: grp.Theme.Key, ThemeEn: grp.Theme.En}
			for _, cl := range grp.Clauses {
				t.Rows = append(t.Rows, []report.Text{report.Marked(cl.QID(), report.MarkBold), report.Plain(cl.Kind), report.Plain(gist(f.Lang, cl, 400))})
				flat.Rows = append(flat.Rows, plainRow("cn", cl.QID(), cl.Kind, grp.Theme.Key, cl.SummaryEn, "", ""))
				gj.Clauses = append(gj.Clauses, toClauseJSON(cl))
			}
			doc.Blocks = append(doc.Blocks, t)
			out.Unmapped = append(out.Unmapped, gj)
		}
	}
	doc.Legend = []string{"·! a silence the curators recorded as notable, with their note.", columnsLegend(g.Docs), "Summaries are crosswalk's own and unofficial; `crosswalk show ID` prints the text."}
	return f.emit(&opts.Out, doc, out)
}
