package diagtest

import "testing"

func TestLeak(t *testing.T) {
	for _, msg := range []string{
		`line 5: field title_english not found in type corpus.Document`,
		"cannot unmarshal !!seq into string",
		`invalid argument "x" for "--objective" flag: strconv.ParseInt: parsing "x": invalid syntax`,
		`cannot write out.md: rename .out.md.crosswalk-tmp-123 out.md: is a directory`,
		`expected []string`,
		`%!s(MISSING)`,
		`*fs.PathError`,
	} {
		if Leak(msg) == "" {
			t.Errorf("no leak found in %q", msg)
		}
	}
	for _, msg := range []string{
		`documents/gdc.yaml:12: clauses[3].themes: expected a list, found the text "x"`,
		`cannot write audit.md: permission denied`,
		`--top must be from 1 to 100, not -1`,
		`mappings/themes.yaml: cannot read: no such file`,
		`unknown clause "cn-position-2024:2.4.9" (did you mean "cn-position-2024:2.4.1"?)`,
		`--format must be one of table, md, csv, json, not "xml"`,
	} {
		if l := Leak(msg); l != "" {
			t.Errorf("%q flagged as a leak (%q)", msg, l)
		}
	}
}
