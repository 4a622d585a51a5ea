package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
	"github.com/crosswalk-dev/crosswalk/pkg/yamlx"
)

// Exception dismisses one finding, with the curator's reason.
type Exception struct {
	Kind     Kind     `yaml:"kind"`
	IDs      []string `yaml:"ids"`
	Reason   string   `yaml:"reason"`
	Reviewed string   `yaml:"reviewed,omitempty"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

type exceptionsFile struct {
	Exceptions []Exception `yaml:"exceptions"`
}

// LoadExceptions reads mapping.ExceptionsFile from the mappings folder fsys
// (dir names that folder in problems) and checks each entry against the
// corpus. A missing file means no exceptions.
func LoadExceptions(fsys fs.FS, dir string, c *corpus.Corpus) ([]Exception, diag.List) {
	display := path.Join(dir, mapping.ExceptionsFile)
	data, err := fs.ReadFile(fsys, mapping.ExceptionsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	return ParseExceptions(display, data, c)
}

// ParseExceptions decodes an exceptions file strictly and checks that every
// entry names a kind that can be excused, the right number of fully
// qualified clause IDs, a reason and a well-formed reviewed date.
func ParseExceptions(display string, data []byte, c *corpus.Corpus) ([]Exception, diag.List) {
	var f exceptionsFile
	loc, probs := yamlx.Decode(display, data, &f)
	if probs != nil {
		return nil, probs
	}
	seen := map[string]int{}
	for i := range f.Exceptions {
		e := &f.Exceptions[i]
		e.File, e.Line = display, loc.Line("exceptions", i)
		at := func(msg string, p ...any) {
			p = append([]any{"exceptions", i}, p...)
			probs = append(probs, diag.Problem{File: display, Line: loc.Line(p...), Field: yamlx.Field(p...), Msg: msg})
		}
		n, ok := arity[e.Kind]
		if !ok {
			at(fmt.Sprintf("kind %q is not one of %s%s", e.Kind, strings.Join(excusable(), ", "), diag.DidYouMean(string(e.Kind), excusable())), "kind")
		} else if len(e.IDs) != n {
			at(fmt.Sprintf("a %s finding is identified by %d clause IDs, not %d", e.Kind, n, len(e.IDs)), "ids")
		}
		for j, id := range e.IDs {
			if msg := checkID(c, id); msg != "" {
				at(msg, "ids", j)
			}
		}
		if strings.TrimSpace(e.Reason) == "" {
			at("an exception needs a reason", "reason")
		}
		if e.Reviewed != "" {
			if _, err := time.Parse(time.DateOnly, e.Reviewed); err != nil {
				at(fmt.Sprintf("reviewed %q must be a date YYYY-MM-DD", e.Reviewed), "reviewed")
			}
		}
		k := key(e.Kind, e.IDs)
		if prev, dup := seen[k]; dup {
			at(fmt.Sprintf("duplicate exception (first at line %d)", prev), "ids")
		} else {
			seen[k] = e.Line
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return f.Exceptions, nil
}

// checkID wants an existing clause written exactly as reports print it.
func checkID(c *corpus.Corpus, id string) string {
	if !strings.Contains(id, ":") {
		return fmt.Sprintf("clause ID %q must be fully qualified, like gdc:23(d)", id)
	}
	cl, err := c.Resolve(id)
	if err != nil {
		return err.Error()
	}
	if cl.QID() != id {
		return fmt.Sprintf("write clause ID %q as %q", id, cl.QID())
	}
	return ""
}

func excusable() []string {
	var out []string
	for _, k := range Kinds {
		if _, ok := arity[k]; ok {
			out = append(out, string(k))
		}
	}
	return out
}
