package mapping

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/yamlx"
)

// QualifiersFile is the qualifier vocabulary's file name inside the
// mappings folder.
const QualifiersFile = "qualifiers.yaml"

// Qualifier is one way a record's target qualifies the GDC aim (why the
// record is partial), with the target clause's own words that carry it.
type Qualifier struct {
	Key   string `yaml:"key"`
	Words string `yaml:"words"`
}

// QualifierType is one entry of the qualifier vocabulary.
type QualifierType struct {
	Key        string `yaml:"key" json:"key"`
	En         string `yaml:"en" json:"en"`
	Definition string `yaml:"definition" json:"definition"`
	Wording    string `yaml:"wording" json:"wording"`
}

// HasQualifier reports whether the record lists qualifier key.
func (r *Record) HasQualifier(key string) bool {
	return slices.ContainsFunc(r.Qualifiers, func(q Qualifier) bool { return q.Key == key })
}

// QualifierKeys lists the vocabulary's keys in its order.
func (s *Set) QualifierKeys() []string {
	out := make([]string, len(s.Qualifiers))
	for i, q := range s.Qualifiers {
		out[i] = q.Key
	}
	return out
}

// QualifierType returns the vocabulary entry with key k.
func (s *Set) QualifierType(k string) (QualifierType, bool) {
	i := slices.IndexFunc(s.Qualifiers, func(q QualifierType) bool { return q.Key == k })
	if i < 0 {
		return QualifierType{}, false
	}
	return s.Qualifiers[i], true
}

var qualifierKeyRe = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// loadQualifiers reads the vocabulary. A folder without the file has no
// vocabulary: its records may then list no qualifiers, and none is required.
func loadQualifiers(fsys fs.FS, dir string) ([]QualifierType, diag.List) {
	display := path.Join(dir, QualifiersFile)
	// Stat first: a failed read would mark the load as incomplete and keep
	// the --data cache from being written, while the folder listing already
	// records whether the file is there.
	if _, err := fs.Stat(fsys, QualifiersFile); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := fs.ReadFile(fsys, QualifiersFile)
	if err != nil {
		return nil, diag.List{diag.ReadProblem(display, err)}
	}
	var v struct {
		Qualifiers []QualifierType `yaml:"qualifiers"`
	}
	loc, probs := yamlx.Decode(display, data, &v)
	if probs != nil {
		return nil, probs
	}
	seen := map[string]bool{}
	for i, q := range v.Qualifiers {
		at := func(msg string) {
			probs = append(probs, diag.Problem{File: display, Line: loc.Line("qualifiers", i, "key"), Field: yamlx.Field("qualifiers", i, "key"), Msg: msg})
		}
		switch {
		case !qualifierKeyRe.MatchString(q.Key):
			at(fmt.Sprintf("qualifier key %q must be lower-case letters, digits and hyphens", q.Key))
		case q.En == "" || q.Definition == "":
			at(fmt.Sprintf("qualifier %q needs en and definition", q.Key))
		case seen[q.Key]:
			at(fmt.Sprintf("duplicate qualifier key %q", q.Key))
		}
		seen[q.Key] = true
	}
	if len(v.Qualifiers) == 0 {
		probs = append(probs, diag.Problem{File: display, Line: 1, Field: "qualifiers", Msg: "no qualifiers defined (delete the file to use none)"})
	}
	return v.Qualifiers, probs
}

// checkQualifiers checks one record's qualifiers against the vocabulary
// and the target clause text (nil when the target is unknown). at reports
// a problem at a field path under the record.
func checkQualifiers(r *Record, vocab []string, targetText *string, complete bool, at func(string, ...any)) {
	if len(r.Qualifiers) > 0 && (r.Stance == Aligned || r.Stance == None) {
		at(fmt.Sprintf("qualifiers say why a record is partial or divergent; remove them from this %s record", r.Stance), "qualifiers")
		return
	}
	if complete && len(vocab) > 0 && r.Stance == Partial && len(r.Qualifiers) == 0 {
		at("a partial record in a complete file lists at least one qualifier of mappings/"+QualifiersFile+", with the target's words that carry it (why the record is partial)", "stance")
	}
	seen := map[string]bool{}
	for j, q := range r.Qualifiers {
		switch {
		case !slices.Contains(vocab, q.Key):
			known := "; mappings/" + QualifiersFile + " defines none"
			if len(vocab) > 0 {
				known = "; use one of " + strings.Join(vocab, ", ") + diag.DidYouMean(q.Key, vocab)
			}
			at(fmt.Sprintf("unknown qualifier %q%s", q.Key, known), "qualifiers", j, "key")
		case seen[q.Key]:
			at(fmt.Sprintf("qualifier %q is listed twice", q.Key), "qualifiers", j, "key")
		}
		seen[q.Key] = true
		switch {
		case strings.TrimSpace(q.Words) == "":
			at(fmt.Sprintf("qualifier %q needs words: the target's own words that carry it", q.Key), "qualifiers", j, "words")
		case targetText != nil && !strings.Contains(*targetText, q.Words):
			at(fmt.Sprintf("words %q are not verbatim in %s", q.Words, r.TargetQID()), "qualifiers", j, "words")
		}
	}
}
