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

// Resolve finds a clause from any accepted spelling of its ID.
func (c *Corpus) Resolve(input string) (*Clause, error) {
	docID, local := SplitQID(input)
	d, ok := c.Doc(docID)
	if !ok {
		return nil, &NotFoundError{What: "document", ID: docID, Suggestion: nearest(docID, c.DocIDs())}
	}
	canon := NormalizeLocal(docID, local)
	if cl, ok := d.Clause(canon); ok {
		return cl, nil
	}
	return nil, &NotFoundError{What: "clause", ID: docID + ":" + local, Suggestion: nearestClause(d, canon)}
}

// ResolveDoc finds a document by ID, with a suggestion when it is mistyped.
func (c *Corpus) ResolveDoc(id string) (*Document, error) {
	if d, ok := c.Doc(strings.ToLower(strings.TrimSpace(id))); ok {
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
