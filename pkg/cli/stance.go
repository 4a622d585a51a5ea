package cli

import "github.com/crosswalk-dev/crosswalk/pkg/report"

// stanceSymbol is the mark of a stance in tables; ASCII variants for plain terminals.
func stanceSymbol(stance string, ascii bool) string {
	sym := map[string][2]string{
		"aligned":   {"✓", "+"},
		"partial":   {"◐", "~"},
		"divergent": {"✗", "x"},
		"none":      {"·", "."},
	}[stance]
	if ascii {
		return sym[1]
	}
	return sym[0]
}

func stanceMark(stance string) report.Mark {
	switch stance {
	case "aligned":
		return report.MarkAligned
	case "partial":
		return report.MarkPartial
	case "divergent":
		return report.MarkDivergent
	}
	return report.MarkSilent
}

func stanceLegend(ascii bool) string {
	return "Stance: " + stanceSymbol("aligned", ascii) + " aligned  " + stanceSymbol("partial", ascii) + " partial  " +
		stanceSymbol("divergent", ascii) + " divergent  " + stanceSymbol("none", ascii) + " silent"
}
