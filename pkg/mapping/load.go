package mapping

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/yamlx"
)

// ThemesFile is the theme vocabulary's file name inside the mappings folder.
const ThemesFile = "themes.yaml"

// ExceptionsFile lists dismissed audit findings (read by pkg/audit); it sits
// beside the mapping files but is not one.
const ExceptionsFile = "audit-exceptions.yaml"

// Load reads every mapping file (*.yaml except the vocabularies and the
// exceptions) at the root of
// fsys and checks it against the corpus. dir names the folder in problems.
func Load(fsys fs.FS, dir string, c *corpus.Corpus) (*Set, diag.List) {
	names, err := corpus.YAMLFiles(fsys)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(dir, err)}
	}
	names = slices.DeleteFunc(names, func(n string) bool { return n == ThemesFile || n == ExceptionsFile || n == QualifiersFile })
	vocab, probs := loadQualifiers(fsys, dir)
	if len(probs) > 0 {
		return nil, probs
	}
	keys := (&Set{Qualifiers: vocab}).QualifierKeys()
	type result struct {
		file  *File
		probs diag.List
	}
	results := make([]result, len(names))
	diag.Parallel(len(names), func(i int) {
		results[i].file, results[i].probs = loadFile(fsys, names[i], path.Join(dir, names[i]), c, keys)
	})
	byTarget := map[string]*File{}
	for i, name := range names {
		display := path.Join(dir, name)
		f, ps := results[i].file, results[i].probs
		probs = append(probs, ps...)
		if f == nil {
			continue
		}
		if prev, dup := byTarget[f.Target]; dup {
			probs = append(probs, diag.Problem{File: display, Line: 1, Field: "target", Msg: fmt.Sprintf("target %q is already mapped by %s", f.Target, prev.Path)})
			continue
		}
		byTarget[f.Target] = f
	}
	if len(probs) > 0 {
		return nil, probs.Sorted()
	}
	s := &Set{Qualifiers: vocab}
	for _, d := range c.Docs {
		if f, ok := byTarget[d.ID]; ok {
			s.Files = append(s.Files, f)
		}
	}
	return s, nil
}

func loadFile(fsys fs.FS, name, display string, c *corpus.Corpus, qualifiers []string) (*File, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	var f File
	loc, probs := yamlx.Decode(display, data, &f)
	if probs != nil {
		return nil, probs
	}
	f.Path = display
	add := func(msg string, p ...any) {
		probs = append(probs, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: msg})
	}
	// todo accepts TODO in a draft as a value still to give (a warning);
	// a complete file must have none.
	todo := func(val, what string, p ...any) bool {
		if val != ToDo {
			return false
		}
		if f.Status != StatusDraft {
			add("TODO in a complete file: give the "+what+", or set status: draft", p...)
			return true
		}
		f.ToDos = append(f.ToDos, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: "to do: give the " + what})
		return true
	}
	src, okSrc := c.Doc(f.Source)
	if !okSrc {
		add(fmt.Sprintf("unknown source document %q%s", f.Source, diag.DidYouMean(f.Source, c.DocIDs())), "source")
	}
	tgt, okTgt := c.Doc(f.Target)
	if !okTgt {
		add(fmt.Sprintf("unknown target document %q%s", f.Target, diag.DidYouMean(f.Target, c.DocIDs())), "target")
	}
	if want := f.Target + ".yaml"; okTgt && name != want {
		add(fmt.Sprintf("mapping onto %q belongs in %s", f.Target, want), "target")
	}
	closed := func(val string, vocab []string, p ...any) {
		if !in(vocab, val) {
			add(fmt.Sprintf("%q is not one of %s%s", val, strings.Join(vocab, ", "), diag.DidYouMean(val, vocab)), p...)
		}
	}
	closed(f.Status, Statuses, "status")
	closed(f.Method, Methods, "method")
	if f.Version == "" {
		add("missing version", "version")
	}
	if f.Reviewed == "" {
		add("missing reviewed date", "reviewed")
	}
	if !okSrc || !okTgt {
		return nil, probs
	}
	pairs := map[[2]string]int{}
	for i := range f.Records {
		r := &f.Records[i]
		r.SourceDoc, r.TargetDoc, r.Path = f.Source, f.Target, display
		r.Line = loc.Line("records", i)
		at := func(msg string, p ...any) { add(msg, append([]any{"records", i}, p...)...) }
		closed2 := func(val string, vocab []string, field string) {
			if !in(vocab, val) {
				at(fmt.Sprintf("%s %q is not one of %s%s", field, val, strings.Join(vocab, ", "), diag.DidYouMean(val, vocab)), field)
			}
		}
		sc, okS := src.Clause(r.Source)
		if !okS {
			at(fmt.Sprintf("unknown %s clause %q%s", src.ID, r.Source, diag.DidYouMean(r.Source, src.ClauseIDs())), "source")
		}
		if okS && !sc.Mapped() {
			at(fmt.Sprintf("%s is a %s and is not mapped: map its sub-items", sc.QID(), sc.Kind), "source")
		}
		closed2(r.Stance, Stances, "stance")
		closed2(r.Confidence, Confidences, "confidence")
		themeToDo := todo(r.Theme, "theme", "records", i, "theme")
		if _, ok := c.Themes.Get(r.Theme); !ok && !themeToDo {
			at(fmt.Sprintf("unknown theme %q%s", r.Theme, diag.DidYouMean(r.Theme, c.Themes.Keys())), "theme")
		}
		var tc *corpus.Clause
		if r.Stance == None {
			if r.Target != "" {
				at("a none record records a silence and must not name a target", "target")
			}
			if r.Quotes.Target != "" {
				at("a none record has no target quote", "quotes", "target")
			}
		} else {
			if !todo(r.Relationship, "relationship", "records", i, "relationship") {
				closed2(r.Relationship, Relationships, "relationship")
			}
			if !todo(r.Rationale, "rationale", "records", i, "rationale") {
				closed2(r.Rationale, Rationales, "rationale")
			}
			var okT bool
			if tc, okT = tgt.Clause(r.Target); !okT {
				at(fmt.Sprintf("unknown %s clause %q%s", tgt.ID, r.Target, diag.DidYouMean(r.Target, tgt.ClauseIDs())), "target")
			}
		}
		if strings.TrimSpace(r.Note) == "" && r.Stance != Aligned {
			at(fmt.Sprintf("a %s record needs a note saying how the texts differ", r.Stance), "note")
		}
		switch {
		case todo(r.Quotes.Source, "source quote (verbatim from the GDC clause)", "records", i, "quotes", "source"):
		case r.Quotes.Source == "":
			at("missing quotes.source", "quotes", "source")
		case sc != nil && !strings.Contains(sc.Text, r.Quotes.Source):
			at(fmt.Sprintf("quote %q is not verbatim in %s", r.Quotes.Source, sc.QID()), "quotes", "source")
		}
		if r.Stance != None {
			switch {
			case todo(r.Quotes.Target, "target quote (verbatim from the counterpart clause)", "records", i, "quotes", "target"):
			case r.Quotes.Target == "":
				at("missing quotes.target", "quotes", "target")
			case tc != nil && !strings.Contains(tc.Text, r.Quotes.Target):
				at(fmt.Sprintf("quote %q is not verbatim in %s", r.Quotes.Target, tc.QID()), "quotes", "target")
			}
		}
		var targetText *string
		if tc != nil {
			targetText = &tc.Text
		}
		checkQualifiers(r, qualifiers, targetText, f.Status == StatusComplete, at)
		key := [2]string{r.Source, r.Target}
		if prev, dup := pairs[key]; dup {
			at(fmt.Sprintf("duplicate pair %s → %s (first at line %d)", r.Source, r.TargetQID(), prev), "source")
		} else {
			pairs[key] = r.Line
		}
	}
	probs = append(probs, checkSilences(&f, loc, display, src, tgt)...)
	return &f, probs
}

// checkSilences checks the silence entries and, for a complete file, that
// every mapped reference clause is decided by a record or a silence.
func checkSilences(f *File, loc *yamlx.Locator, display string, src, tgt *corpus.Document) diag.List {
	var probs diag.List
	add := func(msg string, p ...any) {
		probs = append(probs, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: msg})
	}
	recorded := map[string]bool{}
	for _, r := range f.Records {
		recorded[r.Source] = true
	}
	silent := map[string]int{}
	for i := range f.Silences {
		s := &f.Silences[i]
		s.SourceDoc, s.TargetDoc, s.Path = f.Source, f.Target, display
		s.Line = loc.Line("silences", i)
		at := func(msg string, p ...any) { add(msg, append([]any{"silences", i}, p...)...) }
		if len(s.Sources) == 0 {
			at("a silence entry names the GDC clauses it decides", "sources")
		}
		for j, id := range s.Sources {
			cl, ok := src.Clause(id)
			switch {
			case !ok:
				at(fmt.Sprintf("unknown %s clause %q%s", src.ID, id, diag.DidYouMean(id, src.ClauseIDs())), "sources", j)
			case !cl.Mapped():
				at(fmt.Sprintf("%s is a %s and is not mapped: leave it out", cl.QID(), cl.Kind), "sources", j)
			case recorded[id]:
				at(fmt.Sprintf("%s has records in this file: a silence entry is for a clause with none (describe a gap in the record's note)", cl.QID()), "sources", j)
			case silent[id] > 0:
				at(fmt.Sprintf("%s already has a silence entry (line %d)", cl.QID(), silent[id]), "sources", j)
			}
			silent[id] = s.Line
		}
		if s.Nearest != "" {
			if _, ok := tgt.Clause(s.Nearest); !ok {
				at(fmt.Sprintf("unknown %s clause %q%s", tgt.ID, s.Nearest, diag.DidYouMean(s.Nearest, tgt.ClauseIDs())), "nearest")
			}
		}
		if strings.TrimSpace(s.Note) == "" {
			at("a silence entry needs a note saying why the nearest text is not a counterpart", "note")
		}
	}
	if f.Status != StatusComplete {
		return probs
	}
	var open []string
	for i := range src.Clauses {
		cl := &src.Clauses[i]
		if cl.Mapped() && !recorded[cl.ID] && silent[cl.ID] == 0 {
			open = append(open, cl.ID)
		}
	}
	if len(open) > 0 {
		add(fmt.Sprintf("status complete, but %d %s clauses are undecided (neither a record nor a silence entry): %s; decide them, or set status: draft",
			len(open), src.ID, strings.Join(open, ", ")), "status")
	}
	return probs
}

// CheckRefs makes sure every file, record and silence entry of s names
// documents and clauses that c holds, as loading checked them: data read
// back from elsewhere (the --data cache) passes it before any report
// dereferences a clause.
func (s *Set) CheckRefs(c *corpus.Corpus) error {
	targets := map[string]bool{}
	for _, f := range s.Files {
		if f == nil {
			return fmt.Errorf("a mapping file is missing")
		}
		src, okS := c.Doc(f.Source)
		tgt, okT := c.Doc(f.Target)
		if !okS || !okT || targets[f.Target] {
			return fmt.Errorf("%s: unknown or repeated documents %q → %q", f.Path, f.Source, f.Target)
		}
		targets[f.Target] = true
		for i := range f.Records {
			r := &f.Records[i]
			_, okS := src.Clause(r.Source)
			_, okT := tgt.Clause(r.Target)
			if !okS || r.SourceDoc != f.Source || r.TargetDoc != f.Target || (r.Stance == None) != (r.Target == "") || r.Stance != None && !okT {
				return fmt.Errorf("%s:%d: the record's clauses are not in the documents", f.Path, r.Line)
			}
		}
		for i := range f.Silences {
			si := &f.Silences[i]
			_, okN := tgt.Clause(si.Nearest)
			if si.SourceDoc != f.Source || si.TargetDoc != f.Target || si.Nearest != "" && !okN {
				return fmt.Errorf("%s:%d: the silence entry's clauses are not in the documents", f.Path, si.Line)
			}
			for _, id := range si.Sources {
				if _, ok := src.Clause(id); !ok {
					return fmt.Errorf("%s:%d: the silence entry's clauses are not in the documents", f.Path, si.Line)
				}
			}
		}
	}
	return nil
}
