package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// english is a clause's English: the official text where the source has
// one, otherwise crosswalk's unofficial summary, labelled as such.
func english(cl *corpus.Clause) report.Text {
	if cl.TextEn != "" {
		return report.Marked("(official English) ", report.MarkDim).With(report.Seg{Text: cl.TextEn})
	}
	return report.Marked("(unofficial summary) ", report.MarkDim).With(report.Seg{Text: cl.SummaryEn})
}

// clauseFields labels a clause's text and English per --lang, with quotes
// highlighted in the text.
func clauseFields(lang, label string, cl *corpus.Clause, quotes ...string) report.Fields {
	var out report.Fields
	if lang != "en" {
		out = append(out, report.Field{Label: label, Value: report.Highlight(cl.Text, quotes...)})
		label += " (en)"
	}
	if lang != "zh" {
		out = append(out, report.Field{Label: label, Value: english(cl)})
	}
	return out
}

// gist is a clause in a table cell per --lang: the ID then our summary
// (en), the Chinese text (zh), or both on two lines. The terminal cuts it
// to the width; Markdown keeps it whole.
func gist(lang string, cl *corpus.Clause) report.Text {
	t := report.Text{{Text: cl.ID, Full: cl.QID(), Mark: report.MarkBold}}
	switch lang {
	case "zh":
		return t.With(report.Seg{Text: " " + cl.Text})
	case "en":
		return t.With(report.Seg{Text: " " + cl.SummaryEn})
	}
	return t.With(report.Seg{Text: " " + cl.SummaryEn + "\n" + cl.Text})
}
