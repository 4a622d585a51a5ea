package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// filterFlags are the report filters; each command registers the ones that
// make sense for it.
type filterFlags struct {
	Against    []string
	Objective  int
	Themes     []string
	Stances    []string
	Kinds      []string
	Confidence string
	Qualifiers []string
	Targets    []string
}

const (
	fAgainst = 1 << iota
	fObjective
	fTheme
	fStance
	fKind
	fConfidence
	fQualifier
	fTarget
)

func addFilterFlags(cmd *cobra.Command, f *Factory, ff *filterFlags, which int) {
	fl := cmd.Flags()
	if which&fAgainst != 0 {
		listVar(fl, &ff.Against, "against", "compare against this `DOC` only (repeatable)")
		_ = cmd.RegisterFlagCompletionFunc("against", completeDocIDs(f, true))
	}
	if which&fTarget != 0 {
		listVar(fl, &ff.Targets, "target", "only records whose Chinese clause is `ID` or lies under it (position:2.6; repeatable)")
	}
	if which&fObjective != 0 {
		fl.IntVar(&ff.Objective, "objective", 0, "only GDC clauses under objective `N`")
		_ = cmd.RegisterFlagCompletionFunc("objective", fixedCompletion("1", "2", "3", "4", "5"))
		validate(cmd, intRange("objective", 1, 5))
	}
	if which&fTheme != 0 {
		listVar(fl, &ff.Themes, "theme", "only this `THEME` or set of themes (repeatable; see 'crosswalk themes')")
		_ = cmd.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			ds, err := f.Dataset()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var out []string
			for _, t := range ds.Corpus.Themes.List {
				out = append(out, t.Key+"\t"+t.En)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		})
	}
	if which&fStance != 0 {
		listVar(fl, &ff.Stances, "stance", "only this `STANCE` (repeatable)")
		validate(cmd, oneOf("stance", append(mapping.Stances[:3:3], compare.Silent, compare.NotReviewed)...))
	}
	if which&fConfidence != 0 {
		fl.StringVar(&ff.Confidence, "confidence", "", "count only records of this `LEVEL` or higher (low, medium, high)")
		_ = cmd.RegisterFlagCompletionFunc("confidence", fixedCompletion(mapping.Confidences...))
		validate(cmd, oneOf("confidence", mapping.Confidences...))
	}
	if which&fQualifier != 0 {
		listVar(fl, &ff.Qualifiers, "qualifier", "only records with this `QUALIFIER` (repeatable; see 'crosswalk qualifiers')")
		_ = cmd.RegisterFlagCompletionFunc("qualifier", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			ds, err := f.Dataset()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var out []string
			for _, q := range ds.Mappings.Qualifiers {
				out = append(out, q.Key+"\t"+q.En)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		})
	}
	if which&fKind != 0 {
		listVar(fl, &ff.Kinds, "kind", "only clauses of this `KIND` (repeatable)")
		validate(cmd, oneOf("kind", corpus.Kinds...))
	}
}

// resolve checks the flag values that depend on the data (documents and
// themes; a mistyped value is a usage error with a suggestion) and returns
// the engine filter. The fixed ones were checked by their flag rules.
func (ff *filterFlags) resolve(ds *dataset.Dataset) (compare.Filter, error) {
	c := ds.Corpus
	var against []string
	for _, id := range ff.Against {
		// Short names (position) are accepted, as show and terms take them.
		if d, err := c.ResolveDoc(id); err == nil && d.ID != corpus.ReferenceID {
			against = append(against, d.ID)
			continue
		}
		var ids []string
		for _, d := range c.Counterparts() {
			ids = append(ids, d.ID)
		}
		return compare.Filter{}, usageErrorf("--against %q is not a counterpart document%s; use one of %s", id, diag.DidYouMean(id, ids), strings.Join(ids, ", "))
	}
	targets, err := resolveTargets(c, ff.Targets, against)
	if err != nil {
		return compare.Filter{}, err
	}
	if len(targets) > 0 && len(against) == 0 {
		// A target implies --against its document.
		for _, t := range targets {
			if doc, _ := corpus.SplitQID(t); !contains(against, doc) {
				against = append(against, doc)
			}
		}
	}
	var themes []string
	for _, th := range ff.Themes {
		keys, ok := c.Themes.Expand(th)
		if !ok {
			return compare.Filter{}, usageErrorf("unknown --theme %q%s; use a theme or a set of themes: %s (see 'crosswalk themes')",
				th, diag.DidYouMean(th, c.Themes.Names()), strings.Join(c.Themes.Names(), ", "))
		}
		for _, k := range keys {
			if !contains(themes, k) {
				themes = append(themes, k)
			}
		}
	}
	keys := ds.Mappings.QualifierKeys()
	for _, q := range ff.Qualifiers {
		if !contains(keys, q) {
			return compare.Filter{}, usageErrorf("unknown --qualifier %q%s; use one of %s (see 'crosswalk qualifiers')",
				q, diag.DidYouMean(q, keys), strings.Join(keys, ", "))
		}
	}
	return compare.Filter{Against: against, Objective: ff.Objective, Themes: themes, Stances: ff.Stances, Kinds: ff.Kinds,
		Confidence: ff.Confidence, Qualifiers: ff.Qualifiers, Targets: targets}, nil
}

// resolveTargets reads each --target as a Chinese clause or section,
// qualified: position:2.6 → cn-position-2024:2.6. A bare ID is read in the
// one document that has it. --against, if given, must include each
// target's document.
func resolveTargets(c *corpus.Corpus, in, against []string) ([]string, error) {
	var out []string
	for _, t := range in {
		q, err := resolveTarget(c, t)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("--target: %w", err)}
		}
		if doc, _ := corpus.SplitQID(q); len(against) > 0 && !contains(against, doc) {
			return nil, usageErrorf("--target %q is in %s, which --against leaves out; a target implies --against its document, so leave --against out or name %s", t, doc, doc)
		}
		if !contains(out, q) {
			out = append(out, q)
		}
	}
	return out, nil
}

// resolveTarget finds the document holding a clause or section; a section
// exists when a clause lies under it at a dot (2.6 for 2.6.1, never 2.61).
func resolveTarget(c *corpus.Corpus, s string) (string, error) {
	docs := c.Counterparts()
	local := strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(s, ":") {
		var docID string
		docID, local = corpus.SplitQID(s)
		local = strings.ToLower(strings.TrimSpace(local))
		d, err := c.ResolveDoc(docID)
		if err != nil {
			return "", err
		}
		if d.ID == corpus.ReferenceID {
			return "", fmt.Errorf("%q is a GDC clause; --target takes a clause or section of a Chinese text (position:2.6)", s)
		}
		docs = []*corpus.Document{d}
	}
	var found, near []string
	for _, d := range docs {
		prefix := d.ID + ":" + local
		if slices.ContainsFunc(d.Clauses, func(cl corpus.Clause) bool { return compare.Under(cl.QID(), prefix) }) {
			found = append(found, prefix)
		}
		if n := diag.Nearest(local, d.ClauseIDs()); n != "" {
			near = append(near, d.ID+":"+n)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return "", fmt.Errorf("%q is in several documents; name one: %s", s, strings.Join(found, ", "))
	case len(near) > 0:
		return "", fmt.Errorf("no clause is or lies under %q (did you mean %q?)", s, near[0])
	}
	return "", fmt.Errorf("no clause is or lies under %q", s)
}

// loadFiltered loads the data and resolves the filter flags against it.
func (f *Factory) loadFiltered(ff *filterFlags) (*dataset.Dataset, compare.Filter, error) {
	ds, err := f.Dataset()
	if err != nil {
		return nil, compare.Filter{}, err
	}
	filter, err := ff.resolve(ds)
	if err != nil {
		return ds, filter, err
	}
	return view.Narrowed(ds, filter), filter, nil
}

// context loads the data and resolves the filter flags into what views are
// built from.
func (f *Factory) context(ff *filterFlags) (view.Context, error) {
	ds, filter, err := f.loadFiltered(ff)
	if err != nil {
		return view.Context{}, err
	}
	return view.Context{Data: ds, Filter: filter, Lang: f.Lang}, nil
}
