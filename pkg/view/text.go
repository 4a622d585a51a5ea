package view

import (
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// english is a clause's English: a translation the user supplied (named by
// its title and date), else the official text where the source has one,
// else crosswalk's unofficial summary, labelled as such. A clause the
// supplied translation has no piece for says so.
func english(cl *corpus.Clause) report.Text {
	if tr := cl.Translation; tr != nil && !tr.Gap {
		return report.Marked("("+tr.Label()+") ", report.MarkDim).With(report.Seg{Text: tr.Text})
	}
	if tr := cl.Translation; tr != nil && cl.TextEn == "" {
		return report.Marked("(unofficial summary; "+tr.Title+" has no text for this clause) ", report.MarkDim).With(report.Seg{Text: cl.SummaryEn})
	}
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

// gist is a clause in a table cell per --lang: the ID then its English in
// short (a supplied translation, else our summary) (en), the Chinese text
// (zh), or both on two lines. The terminal cuts it to the width; Markdown
// keeps it whole.
func gist(lang string, cl *corpus.Clause) report.Text {
	t := report.Text{{Text: cl.ID, Full: cl.QID(), Mark: report.MarkBold}}
	switch lang {
	case "zh":
		return t.With(report.Seg{Text: " " + cl.Text})
	case "en":
		return t.With(report.Seg{Text: " " + gistEn(cl)})
	}
	return t.With(report.Seg{Text: " " + gistEn(cl) + "\n" + cl.Text})
}

// gistEn is the English a table cell shows: a supplied translation, tagged
// as one, else our summary.
func gistEn(cl *corpus.Clause) string {
	if tr := cl.Translation; tr != nil && !tr.Gap {
		return "[translation] " + tr.Text
	}
	return cl.SummaryEn
}
