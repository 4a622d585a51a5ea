package corpus

import (
	"fmt"
	"strings"
)

// gdcShort matches the short GDC forms users type: 29d, 29.d, 29(d), 7.3.
var gdcShort = lazyRegexp(`^(\d+)(?:[.(]([a-z]|\d+)\)?|([a-z]))$`)

// NormalizeLocal turns a user-typed local ID of the reference document into
// its canonical form (29d → 29(d)); other IDs are returned trimmed.
func NormalizeLocal(docID, local string) string {
	local = strings.TrimSpace(strings.ToLower(local))
	if docID != ReferenceID {
		return local
	}
	if m := gdcShort().FindStringSubmatch(local); m != nil {
		return m[1] + "(" + m[2] + m[3] + ")"
	}
	return local
}

// SplitQID splits "doc:local". A bare local ID refers to the reference document.
func SplitQID(s string) (doc, local string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, ":"); i >= 0 {
		return strings.ToLower(s[:i]), s[i+1:]
	}
	return ReferenceID, s
}

// NotFoundError says an ID did not resolve and what was probably meant.
type NotFoundError struct {
	What, ID, Suggestion string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("unknown %s %q", e.What, e.ID)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", e.Suggestion)
	}
	return msg
}

// ShortName is a document's compact label, as report columns print it:
// cn-speech-2014 → speech.
func ShortName(id string) string {
	s := strings.TrimPrefix(id, "cn-")
	if i := strings.LastIndex(s, "-"); i > 0 {
		return s[:i]
	}
	return s
}

// lookupDoc finds a document by its ID or its short name.
func (c *Corpus) lookupDoc(id string) (*Document, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	if d, ok := c.Doc(id); ok {
		return d, true
	}
	for _, d := range c.Docs {
		if ShortName(d.ID) == id {
			return d, true
		}
	}
	return nil, false
}

// Resolve finds a clause from any accepted spelling of its ID: doc:local
// with the document's ID or short name (position:2.4.3), a bare GDC ID (29d),
// or a bare local ID of a Chinese text when only one text has it.
func (c *Corpus) Resolve(input string) (*Clause, error) {
	if !strings.Contains(input, ":") {
		return c.resolveBare(strings.TrimSpace(input))
	}
	docID, local := SplitQID(input)
	d, ok := c.lookupDoc(docID)
	if !ok {
		return nil, &NotFoundError{What: "document", ID: docID, Suggestion: nearest(docID, c.DocIDs())}
	}
	canon := NormalizeLocal(d.ID, local)
	if cl, ok := d.Clause(canon); ok {
		return cl, nil
	}
	return nil, &NotFoundError{What: "clause", ID: d.ID + ":" + local, Suggestion: nearestClause(d, canon)}
}

// resolveBare reads a bare ID as the GDC's, else as the one Chinese text's
// that has it; an ID several texts share is an error listing them.
func (c *Corpus) resolveBare(local string) (*Clause, error) {
	ref, hasRef := c.Reference()
	if hasRef {
		if cl, ok := ref.Clause(NormalizeLocal(ReferenceID, local)); ok {
			return cl, nil
		}
	}
	var found []*Clause
	for _, d := range c.Counterparts() {
		if cl, ok := d.Clause(strings.ToLower(local)); ok {
			found = append(found, cl)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		suggestion := ""
		if hasRef {
			suggestion = nearestClause(ref, NormalizeLocal(ReferenceID, local))
		}
		return nil, &NotFoundError{What: "clause", ID: ReferenceID + ":" + local, Suggestion: suggestion}
	}
	var ids []string
	for _, cl := range found {
		ids = append(ids, cl.QID())
	}
	return nil, &AmbiguousError{ID: local, Candidates: ids}
}

// AmbiguousError says a bare ID names clauses in several documents.
type AmbiguousError struct {
	ID         string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("clause %q is in several documents; name one: %s", e.ID, strings.Join(e.Candidates, ", "))
}

// ResolveDoc finds a document by ID or short name, with a suggestion when
// it is mistyped.
func (c *Corpus) ResolveDoc(id string) (*Document, error) {
	if d, ok := c.lookupDoc(id); ok {
		return d, nil
	}
	return nil, &NotFoundError{What: "document", ID: id, Suggestion: nearest(id, c.DocIDs())}
}

func nearestClause(d *Document, local string) string {
	if n := nearest(local, d.ClauseIDs()); n != "" {
		return d.ID + ":" + n
	}
	return ""
}

// ValidDocID reports whether id is a well-formed document ID: lower-case
// letters, digits and hyphens.
func ValidDocID(id string) bool { return docIDRe().MatchString(id) }
