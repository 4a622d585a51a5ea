// Package synth makes synthetic corpora for measuring crosswalk at scale:
// n copies of a dataset whose texts differ from copy to copy but keep
// shared runs, as real documents that borrow from each other do.
package synth

import (
	"fmt"
	"io/fs"
	"math/rand"
	"path"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// SubstituteShare is the share of distinct Han characters each copy
// replaces. Replacing a character everywhere it occurs (clause texts,
// headings, principle names, the source text, quotes) keeps every verbatim
// relation the loader checks, while a run of 12 characters survives
// unchanged in a copy with probability about 0.85^12 ≈ 14%: copies share
// some runs, not all.
const SubstituteShare = 0.15

// Files returns a --data directory, as paths (documents/…, mappings/…)
// and contents, holding n copies of ds: copy 1 is ds itself, copy k > 1
// renames each document <id>-s<k> and rewrites its Han characters with a
// substitution drawn for that copy. Every counterpart copy gets a mapping
// file from the reference document, with the target quotes rewritten
// alike. docs holds the source texts named by the documents.
func Files(ds *dataset.Dataset, docs fs.FS, n int) (map[string][]byte, error) {
	out := map[string][]byte{}
	put := func(name string, v any) error {
		b, err := yaml.Marshal(v)
		out[name] = b
		return err
	}
	if err := put("mappings/"+mapping.ThemesFile, ds.Corpus.Themes); err != nil {
		return nil, err
	}
	if err := put("mappings/"+mapping.QualifiersFile, struct {
		Qualifiers []mapping.QualifierType `yaml:"qualifiers"`
	}{ds.Mappings.Qualifiers}); err != nil {
		return nil, err
	}
	han := hanChars(ds.Corpus)
	for k := 1; k <= n; k++ {
		sub := func(s string) string { return s }
		suffix := ""
		if k > 1 {
			suffix = fmt.Sprintf("-s%d", k)
			sub = substitution(han, rand.New(rand.NewSource(int64(k))))
		}
		for _, d := range ds.Corpus.Docs {
			c := copyDoc(d, d.ID+suffix, sub)
			src, err := fs.ReadFile(docs, d.Source.File)
			if err != nil {
				return nil, err
			}
			out["documents/"+c.Source.File] = []byte(sub(string(src)))
			if err := put("documents/"+c.ID+".yaml", c); err != nil {
				return nil, err
			}
			if f, ok := ds.Mappings.For(d.ID); ok {
				if err := put("mappings/"+c.ID+".yaml", copyMapping(f, c.ID, sub)); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// hanChars lists the distinct Han characters of the clause texts, sorted,
// so a seed always draws the same substitution.
func hanChars(c *corpus.Corpus) []rune {
	seen := map[rune]bool{}
	for _, d := range c.Docs {
		for i := range d.Clauses {
			for _, r := range d.Clauses[i].Text {
				if unicode.Is(unicode.Han, r) {
					seen[r] = true
				}
			}
		}
	}
	out := make([]rune, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// substitution maps a SubstituteShare of han to random CJK ideographs.
func substitution(han []rune, rng *rand.Rand) func(string) string {
	m := map[rune]rune{}
	for _, r := range han {
		if rng.Float64() < SubstituteShare {
			m[r] = rune(0x4e00 + rng.Intn(0x9fa5-0x4e00))
		}
	}
	return func(s string) string {
		return strings.Map(func(r rune) rune {
			if x, ok := m[r]; ok {
				return x
			}
			return r
		}, s)
	}
}

func copyDoc(d *corpus.Document, id string, sub func(string) string) *corpus.Document {
	c := *d
	c.ID = id
	if id != d.ID {
		c.Title = sub(d.Title)
		c.TitleEn = d.TitleEn + " (synthetic copy)"
	}
	c.Source.File = path.Join("source", id+".txt")
	c.Source.Furniture = mapAll(d.Source.Furniture, sub)
	c.Principles = make([]corpus.Principle, len(d.Principles))
	for i, p := range d.Principles {
		p.Name = sub(p.Name)
		c.Principles[i] = p
	}
	c.Clauses = make([]corpus.Clause, len(d.Clauses))
	for i, cl := range d.Clauses {
		cl.Text = sub(cl.Text)
		cl.Heading = mapAll(cl.Heading, sub)
		c.Clauses[i] = cl
	}
	return &c
}

func copyMapping(f *mapping.File, target string, sub func(string) string) *mapping.File {
	c := *f
	c.Target = target
	c.Records = make([]mapping.Record, len(f.Records))
	for i, r := range f.Records {
		r.Quotes.Target = sub(r.Quotes.Target)
		r.Qualifiers = make([]mapping.Qualifier, len(f.Records[i].Qualifiers))
		for j, q := range f.Records[i].Qualifiers {
			r.Qualifiers[j] = mapping.Qualifier{Key: q.Key, Words: sub(q.Words)}
		}
		c.Records[i] = r
	}
	return &c
}

func mapAll(ss []string, f func(string) string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}
