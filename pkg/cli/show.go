package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// ShowOptions are the inputs of `crosswalk show`.
type ShowOptions struct {
	ID  string
	Out outputFlags
}

// NewCmdShow prints one clause and its curated counterparts.
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{}
	cmd := &cobra.Command{
		Use:   "show <clause-id>",
		Short: "Show a clause: heading path, kind, themes, text, English, and its counterparts",
		Long: `Show one clause with its heading path, kind, themes, verbatim text and English
(the official English where the source has one, otherwise crosswalk's
unofficial summary), followed by its curated counterparts: for a GDC clause,
its counterparts in each Chinese text; for a Chinese clause, the GDC clauses
mapped to it. Quoted evidence is highlighted in both texts.

Clause IDs are <document>:<local id>. A GDC ID may be shortened: gdc:29(d),
gdc:29d, 29d and 29.d all mean the same clause.`,
		Example: `  crosswalk show 29d
  crosswalk show cn-position-2024:2.4.3 --lang en`,
		Args:              exactArgs(1),
		ValidArgsFunction: completeClauseIDs(f, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := opts.Out.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(f, opts)
		},
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

// showJSON is `show --format json`.
type showJSON struct {
	Report       string          `json:"report"`
	DataVersion  string          `json:"data_version"`
	Document     string          `json:"document"`
	Clause       clauseJSON      `json:"clause"`
	Counterparts []counterpartJS `json:"counterparts"`
}

type counterpartJS struct {
	Document string         `json:"document"`
	Complete bool           `json:"mapping_complete"`
	Records  []linkedRecord `json:"records"`
}

type linkedRecord struct {
	mappingJSON
	Clause *clauseJSON `json:"clause,omitempty"`
}

func showRun(f *Factory, opts *ShowOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	cl, err := ds.Corpus.Resolve(opts.ID)
	if err != nil {
		return err
	}
	links := compare.LinksOf(ds.Corpus, ds.Mappings, cl)

	// Quotes of this clause, to highlight in its own text.
	var own []string
	for _, dl := range links {
		for _, l := range dl.Links {
			own = append(own, quoteIn(l.Record, cl))
		}
	}
	doc := &report.Doc{Title: cl.QID() + " — " + pickInline(f.Lang, cl.Doc.Title, cl.Doc.TitleEn)}
	fields := report.Fields{}
	if len(cl.Heading) > 0 {
		heading := strings.Join(cl.Heading, " › ")
		if f.Lang == "en" && len(cl.HeadingEn) > 0 {
			heading = strings.Join(cl.HeadingEn, " › ")
		}
		fields = append(fields, report.Field{Label: "Heading", Value: report.Plain(heading)})
	}
	fields = append(fields,
		report.Field{Label: "Kind", Value: report.Plain(cl.Kind)},
		report.Field{Label: "Themes", Value: report.Plain(themeLabels(ds.Corpus, cl.Themes))},
	)
	if len(cl.Footnotes) > 0 {
		var fn []string
		for _, id := range cl.Footnotes {
			if c, ok := cl.Doc.Clause(id); ok {
				fn = append(fn, id+" "+c.Text)
			}
		}
		fields = append(fields, report.Field{Label: "Footnotes", Value: report.Plain(strings.Join(fn, "\n"))})
	}
	if cl.Kind == "footnote" {
		var by []string
		for _, c := range cl.Doc.Clauses {
			for _, fn := range c.Footnotes {
				if fn == cl.ID {
					by = append(by, c.QID())
				}
			}
		}
		fields = append(fields, report.Field{Label: "Cited by", Value: report.Plain(strings.Join(by, ", "))})
	}
	fields = append(fields, clauseFields(f.Lang, "Text", cl, own...)...)
	doc.Blocks = append(doc.Blocks, fields)

	out := showJSON{Report: "show", DataVersion: ds.Version, Document: cl.Doc.ID, Clause: toClauseJSON(cl), Counterparts: []counterpartJS{}}
	for _, dl := range links {
		title := fmt.Sprintf("%s %s (%s)", direction(cl), dl.Doc.ID, dl.Doc.Date)
		doc.Blocks = append(doc.Blocks, report.Heading{Text: title})
		cj := counterpartJS{Document: dl.Doc.ID, Complete: dl.Complete, Records: []linkedRecord{}}
		if len(dl.Links) == 0 {
			msg := "No counterpart recorded."
			if dl.Complete {
				msg = "No counterpart: every GDC clause was reviewed against this document and nothing matches."
			}
			doc.Blocks = append(doc.Blocks, report.Para{Text: report.Marked(msg, report.MarkDim)})
		}
		for _, l := range dl.Links {
			doc.Blocks = append(doc.Blocks, linkBlocks(f.Lang, l)...)
			lr := linkedRecord{mappingJSON: toMappingJSON(l.Record)}
			if l.Other != nil {
				c := toClauseJSON(l.Other)
				lr.Clause = &c
			}
			cj.Records = append(cj.Records, lr)
		}
		out.Counterparts = append(out.Counterparts, cj)
	}
	doc.Legend = []string{"⟦…⟧ or underlined: the quoted evidence of a mapping record.", "English summaries are crosswalk's own and unofficial."}
	if f.IO.ColorEnabled() && opts.Out.Output == "" && opts.Out.Format == "table" {
		doc.Legend[0] = "Bold underlined: the quoted evidence of a mapping record."
	}
	return f.emit(&opts.Out, doc, out)
}

func direction(cl *corpus.Clause) string {
	if cl.Doc.ID == corpus.ReferenceID {
		return "Counterparts in"
	}
	return "Mapped from"
}

// quoteIn is the record's quote that lies in clause cl.
func quoteIn(r *mapping.Record, cl *corpus.Clause) string {
	if cl.Doc.ID == r.SourceDoc {
		return r.Quotes.Source
	}
	return r.Quotes.Target
}

// linkBlocks shows one counterpart: a head line with the record's stance
// and relation, the counterpart's text and English, and the note.
func linkBlocks(lang string, l compare.Link) []report.Block {
	r := l.Record
	detail := []string{}
	for _, s := range []string{r.Relationship, r.Rationale} {
		if s != "" {
			detail = append(detail, s)
		}
	}
	detail = append(detail, "confidence "+r.Confidence, "theme "+r.Theme)
	var head report.Text
	if l.Other != nil {
		head = report.Marked(l.Other.QID(), report.MarkBold)
	} else {
		head = report.Plain("No counterpart — a notable silence")
	}
	head = append(head, report.Seg{Text: "  " + stanceSymbol(r.Stance, false) + " " + r.Stance, Mark: stanceMark(r.Stance)})
	head = append(head, report.Marked(" · "+strings.Join(detail, " · "), report.MarkDim)...)
	var fields report.Fields
	if l.Other != nil {
		label := "GDC"
		if l.Other.Doc.ID != corpus.ReferenceID {
			label = shortDoc(l.Other.Doc.ID)
		}
		fields = clauseFields(lang, label, l.Other, quoteIn(r, l.Other))
	}
	fields = append(fields, report.Field{Label: "Note", Value: report.Plain(r.Note)})
	return []report.Block{report.Para{}, report.Para{Text: head}, fields}
}

func themeLabels(c *corpus.Corpus, keys []string) string {
	var out []string
	for _, k := range keys {
		if th, ok := c.Themes.Get(k); ok {
			out = append(out, fmt.Sprintf("%s (%s)", k, th.En))
		} else {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}
