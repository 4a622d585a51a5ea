package view

import (
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Themes is the theme vocabulary with how much each document uses it.
type Themes struct {
	dataHeader
	Documents []string     `json:"documents"`
	Themes    []ThemeUse   `json:"themes"`
	Sets      []ThemeSetIn `json:"sets"`
}

// ThemeUse is one theme: its labels, definition, the sets it belongs to,
// the clauses of each document that carry it (GDC and Chinese columns in the terminal) and the records filed under it
// per counterpart document.
type ThemeUse struct {
	Key        string         `json:"key"`
	En         string         `json:"en"`
	Zh         string         `json:"zh"`
	Group      string         `json:"group"`
	Definition string         `json:"definition"`
	Sets       []string       `json:"sets"`
	Clauses    map[string]int `json:"clauses"`
	Records    map[string]int `json:"records"`
}

// ThemeSetIn is a named set of themes, accepted by --theme.
type ThemeSetIn struct {
	Key    string   `json:"key"`
	En     string   `json:"en"`
	Themes []string `json:"themes"`
}

// NewThemes counts, for every theme, the clauses and records that use it.
func NewThemes(ds *dataset.Dataset) *Themes {
	c := ds.Corpus
	v := &Themes{dataHeader: dataHeader{Report: "themes", DataVersion: ds.Version, origin: ds.Origin}, Documents: c.DocIDs(),
		Themes: []ThemeUse{}, Sets: []ThemeSetIn{}}
	records := map[string]map[string]int{}
	for _, r := range ds.Mappings.Records() {
		if records[r.Theme] == nil {
			records[r.Theme] = map[string]int{}
		}
		records[r.Theme][r.TargetDoc]++
	}
	for _, th := range c.Themes.List {
		u := ThemeUse{Key: th.Key, En: th.En, Zh: th.Zh, Group: th.Group, Definition: th.Definition, Sets: []string{},
			Clauses: map[string]int{}, Records: records[th.Key]}
		if u.Records == nil {
			u.Records = map[string]int{}
		}
		for _, s := range c.Themes.Sets {
			if contains(s.Themes, th.Key) {
				u.Sets = append(u.Sets, s.Key)
			}
		}
		for _, d := range c.Docs {
			for _, cl := range d.Clauses {
				if contains(cl.Themes, th.Key) {
					u.Clauses[d.ID]++
				}
			}
		}
		v.Themes = append(v.Themes, u)
	}
	for _, s := range c.Themes.Sets {
		v.Sets = append(v.Sets, ThemeSetIn{Key: s.Key, En: s.En, Themes: s.Themes})
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Doc lists the themes, then the sets.
func (v *Themes) Doc() *report.Doc {
	t := table("Theme", "Label", "GDC", "Chinese", "Records")
	for _, u := range v.Themes {
		cn, recs := 0, 0
		for id, n := range u.Clauses {
			if id != "gdc" {
				cn += n
			}
		}
		for _, n := range u.Records {
			recs += n
		}
		label := report.Text{{Text: u.En + "\n" + u.Zh}, {Text: "\n" + u.Definition, Mark: report.MarkDim}}
		t.Rows = append(t.Rows, []report.Text{report.Marked(u.Key, report.MarkBold), label,
			report.Plain(itoa(u.Clauses["gdc"])), report.Plain(itoa(cn)), report.Plain(itoa(recs))})
	}
	sets := table("Set", "Label", "Themes")
	for _, s := range v.Sets {
		sets.Rows = append(sets.Rows, []report.Text{report.Marked(s.Key, report.MarkBold), report.Plain(s.En), report.Plain(strings.Join(s.Themes, "\n"))})
	}
	return &report.Doc{Title: "Themes", Meta: []report.Field{v.dataField()},
		Blocks: []report.Block{t, report.Heading{Text: "Sets of themes (accepted by --theme)"}, sets},
		Notes:  []string{"--theme on a report accepts a theme or a set; it matches a record's theme and its GDC clause's themes. Labels and definitions are crosswalk's own."}}
}

// Table is one row per theme and document (records: those mapping the GDC
// to that document; none for the GDC's own row). Sets are in the JSON.
func (v *Themes) Table(bool) *report.Table {
	t := table("theme", "en", "zh", "group", "document", "clauses", "records").Numbers("clauses", "records")
	for _, u := range v.Themes {
		for _, d := range v.Documents {
			t.Rows = append(t.Rows, row(u.Key, u.En, u.Zh, u.Group, d, itoa(u.Clauses[d]), itoa(u.Records[d])))
		}
	}
	return t
}
