package corpus

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/yamlx"
)

// The patterns are compiled on first use: commands on the embedded
// snapshot never load YAML and should not pay for them at start-up.
var (
	docIDRe    = lazyRegexp(`^[a-z0-9][a-z0-9-]*$`)
	clauseIDRe = lazyRegexp(`^[a-z0-9]+(\.[a-z0-9]+)*(\([a-z0-9]+\))?$`)
	dateRe     = lazyRegexp(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// LoadThemes reads the theme vocabulary. name is the file inside fsys and
// display is how problems name it.
func LoadThemes(fsys fs.FS, name, display string) (*Themes, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	var t Themes
	loc, probs := yamlx.Decode(display, data, &t)
	if probs != nil {
		return nil, probs
	}
	seen := map[string]bool{}
	for i, th := range t.List {
		at := func(f string) diag.Problem {
			return diag.Problem{File: display, Line: loc.Line("themes", i, f), Field: yamlx.Field("themes", i, f)}
		}
		switch {
		case !docIDRe().MatchString(th.Key):
			p := at("key")
			p.Msg = fmt.Sprintf("theme key %q must be lower-case letters, digits and hyphens", th.Key)
			probs = append(probs, p)
		case th.En == "" || th.Zh == "" || th.Definition == "":
			p := at("key")
			p.Msg = fmt.Sprintf("theme %q needs en, zh and definition", th.Key)
			probs = append(probs, p)
		}
		if seen[th.Key] {
			p := at("key")
			p.Msg = fmt.Sprintf("duplicate theme key %q", th.Key)
			probs = append(probs, p)
		}
		seen[th.Key] = true
	}
	t.reindex()
	probs = append(probs, checkSets(&t, seen, loc, display)...)
	for i, g := range t.Variants {
		if g.Name == "" || len(g.Forms) < 2 {
			probs = append(probs, diag.Problem{File: display, Line: loc.Line("variants", i), Field: yamlx.Field("variants", i),
				Msg: fmt.Sprintf("variant group %q needs a name and at least two forms", g.Name)})
		}
	}
	if len(t.List) == 0 {
		probs = append(probs, diag.Problem{File: display, Line: 1, Field: "themes", Msg: "no themes defined"})
	}
	return &t, probs
}

// checkSets makes sure each theme set has a fresh key, a label and only
// known themes as members.
func checkSets(t *Themes, themeKeys map[string]bool, loc *yamlx.Locator, display string) diag.List {
	var probs diag.List
	add := func(msg string, p ...any) {
		probs = append(probs, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: msg})
	}
	seen := map[string]bool{}
	for i, s := range t.Sets {
		switch {
		case !docIDRe().MatchString(s.Key):
			add(fmt.Sprintf("theme set key %q must be lower-case letters, digits and hyphens", s.Key), "sets", i, "key")
		case themeKeys[s.Key]:
			add(fmt.Sprintf("theme set key %q is already a theme key", s.Key), "sets", i, "key")
		case seen[s.Key]:
			add(fmt.Sprintf("duplicate theme set key %q", s.Key), "sets", i, "key")
		case s.En == "" || len(s.Themes) == 0:
			add(fmt.Sprintf("theme set %q needs en and at least one theme", s.Key), "sets", i, "key")
		}
		seen[s.Key] = true
		for j, k := range s.Themes {
			if !themeKeys[k] {
				add(fmt.Sprintf("unknown theme %q in set %q%s", k, s.Key, diag.DidYouMean(k, t.Keys())), "sets", i, "themes", j)
			}
		}
	}
	return probs
}

// YAMLFiles lists the *.yaml files at the root of fsys, sorted. Unlike
// fs.Glob it reports a folder it cannot list, which would otherwise look
// like an empty one.
func YAMLFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if path.Ext(e.Name()) == ".yaml" {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// Load reads every *.yaml file at the root of fsys as a document and checks
// it. dir is the folder name used in problems (e.g. "documents"). All
// problems are returned together; the corpus is nil if there are any.
func Load(fsys fs.FS, dir string, themes *Themes) (*Corpus, diag.List) {
	names, err := YAMLFiles(fsys)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(dir, err)}
	}
	if len(names) == 0 {
		return nil, diag.List{{File: dir, Msg: "no document files (*.yaml) found"}}
	}
	type result struct {
		doc   *Document
		probs diag.List
	}
	results := make([]result, len(names))
	diag.Parallel(len(names), func(i int) {
		results[i].doc, results[i].probs = loadDoc(fsys, names[i], path.Join(dir, names[i]), themes)
	})
	var docs []*Document
	var probs diag.List
	seen := map[string]string{}
	for i, name := range names {
		display := path.Join(dir, name)
		d, ps := results[i].doc, results[i].probs
		probs = append(probs, ps...)
		if d == nil {
			continue
		}
		if prev, dup := seen[d.ID]; dup {
			probs = append(probs, diag.Problem{File: display, Line: 1, Field: "id", Msg: fmt.Sprintf("document ID %q is also used by %s", d.ID, prev)})
			continue
		}
		seen[d.ID] = display
		docs = append(docs, d)
	}
	if len(probs) > 0 {
		return nil, probs.Sorted()
	}
	return newCorpus(docs, themes), nil
}

func loadDoc(fsys fs.FS, name, display string, themes *Themes) (*Document, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	var d Document
	loc, probs := yamlx.Decode(display, data, &d)
	if probs != nil {
		return nil, probs
	}
	d.File = display
	add := func(msg string, p ...any) {
		probs = append(probs, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: msg})
	}
	// todo records a placeholder left for the curator instead of a problem.
	todo := func(val string, msg string, p ...any) bool {
		if val != ToDo {
			return false
		}
		d.ToDos = append(d.ToDos, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: "to do: " + msg})
		return true
	}
	stem := strings.TrimSuffix(name, ".yaml")
	switch {
	case d.ID == "":
		add("missing document id", "id")
	case !docIDRe().MatchString(d.ID):
		add(fmt.Sprintf("document id %q must be lower-case letters, digits and hyphens", d.ID), "id")
	case d.ID != stem:
		add(fmt.Sprintf("document id %q does not match the file name %q", d.ID, name), "id")
	}
	for _, f := range []struct{ name, val string }{{"title", d.Title}, {"title_en", d.TitleEn}, {"issuer", d.Issuer}} {
		if strings.TrimSpace(f.val) == "" {
			add("missing "+f.name, f.name)
		}
		todo(f.val, "fill in "+f.name, f.name)
	}
	todo(d.IssuerEn, "fill in issuer_en (the issuer in English)", "issuer_en")
	// A date to do sorts after every real one.
	if !todo(d.Date, "fill in the date (YYYY, YYYY-MM or YYYY-MM-DD)", "date") && !dateRe().MatchString(d.Date) {
		add(fmt.Sprintf("date %q must be YYYY, YYYY-MM or YYYY-MM-DD", d.Date), "date")
	}
	if !contains(Languages, d.Language) {
		add(fmt.Sprintf("language %q must be one of %s%s", d.Language, strings.Join(Languages, ", "), diag.DidYouMean(d.Language, Languages)), "language")
	}
	// Without a source text the verbatim check of every clause would be
	// skipped in silence, so a document must name one that has text.
	var source string
	if d.Source.File == "" {
		add("missing source file: name the plain-text source the clause texts are checked against (source.file)", "source", "file")
	} else if b, err := fs.ReadFile(fsys, d.Source.File); err != nil {
		add(fmt.Sprintf("source file %s %s", d.Source.File, diag.ReadProblem("", err).Msg), "source", "file")
	} else if source = compactSpace(string(b)); strings.TrimSpace(source) == "" {
		add(fmt.Sprintf("source file %s is empty: the clause texts cannot be checked against it", d.Source.File), "source", "file")
	}
	if len(d.Clauses) == 0 {
		add("document has no clauses", "clauses")
	}
	// Clauses follow the source's order, so each search continues after the
	// previous match: linear in the source, not quadratic. A clause out of
	// order is still found by a search of the whole source.
	cursor := 0
	ids := map[string]int{}
	footnotes := map[string]bool{}
	for i := range d.Clauses {
		if d.Clauses[i].Kind == "footnote" {
			footnotes[d.Clauses[i].ID] = true
		}
	}
	for i := range d.Clauses {
		c := &d.Clauses[i]
		c.Line = loc.Line("clauses", i)
		at := func(msg string, p ...any) { add(msg, append([]any{"clauses", i}, p...)...) }
		switch {
		case c.ID == "":
			at("missing clause id", "id")
		case !clauseIDRe().MatchString(c.ID):
			at(fmt.Sprintf("clause id %q is not a valid clause id (digits and letters joined by dots, optional (x) sub-item)", c.ID), "id")
		}
		if prev, dup := ids[c.ID]; dup && c.ID != "" {
			at(fmt.Sprintf("duplicate clause id %q (first at line %d)", c.ID, prev), "id")
		}
		ids[c.ID] = c.Line
		ci := []any{"clauses", i}
		if !todo(c.Kind, "choose a kind ("+strings.Join(Kinds, ", ")+")", append(ci, "kind")...) && !IsKind(c.Kind) {
			at(fmt.Sprintf("unknown kind %q%s", c.Kind, diag.DidYouMean(c.Kind, Kinds)), "kind")
		}
		if strings.TrimSpace(c.Text) == "" {
			at("missing text", "text")
		} else if source != "" {
			if end, ok := findFrom(source, compactSpace(c.Text), cursor); ok {
				cursor = end
			} else {
				at(fmt.Sprintf("text is not verbatim in %s (whitespace aside)", d.Source.File), "text")
			}
		}
		if strings.TrimSpace(c.SummaryEn) == "" {
			at("missing summary_en", "summary_en")
		}
		todo(c.SummaryEn, "write summary_en, an English summary in one or two sentences", append(ci, "summary_en")...)
		if len(c.Themes) == 0 {
			at("clause needs at least one theme", "themes")
		}
		for j, th := range c.Themes {
			if todo(th, "choose one to three themes of mappings/themes.yaml, primary first", append(ci, "themes", j)...) {
				continue
			}
			if _, ok := themes.Get(th); !ok {
				at(fmt.Sprintf("unknown theme %q%s", th, diag.DidYouMean(th, themes.Keys())), "themes", j)
			}
		}
		for j, fn := range c.Footnotes {
			if !footnotes[fn] {
				at(fmt.Sprintf("footnote %q is not a footnote clause of %s", fn, d.ID), "footnotes", j)
			}
		}
	}
	d.reindex()
	checkPrinciples(&d, add)
	return &d, probs
}

// checkPrinciples makes sure each principle names existing clauses and that
// its name is the document's own words.
func checkPrinciples(d *Document, add func(string, ...any)) {
	seen := map[string]bool{}
	for i, p := range d.Principles {
		if p.ID == "" || seen[p.ID] {
			add(fmt.Sprintf("principle id %q is missing or repeated", p.ID), "principles", i, "id")
		}
		seen[p.ID] = true
		if p.NameEn == "" {
			add("missing name_en", "principles", i, "name_en")
		}
		if len(p.Clauses) == 0 {
			add("a principle needs at least one clause", "principles", i, "clauses")
		}
		found := false
		for j, id := range p.Clauses {
			c, ok := d.Clause(id)
			if !ok {
				add(fmt.Sprintf("unknown clause %q%s", id, diag.DidYouMean(id, d.ClauseIDs())), "principles", i, "clauses", j)
				continue
			}
			found = found || strings.Contains(c.Text, p.Name) || strings.Contains(strings.Join(c.Heading, "\n"), p.Name)
		}
		if p.Name == "" || !found {
			add(fmt.Sprintf("name %q is not verbatim in the text or heading of its clauses", p.Name), "principles", i, "name")
		}
	}
}

// findFrom finds text in source at or after from, else anywhere, and
// returns where the match ends.
func findFrom(source, text string, from int) (int, bool) {
	if i := strings.Index(source[from:], text); i >= 0 {
		return from + i + len(text), true
	}
	if i := strings.Index(source, text); i >= 0 {
		return i + len(text), true
	}
	return 0, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func nearest(s string, cands []string) string { return diag.Nearest(s, cands) }
