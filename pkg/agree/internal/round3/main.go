// Command round3 turns the second curator's coding of agreement round 3
// (mappings/agreement-round3.tsv) into a mapping set that crosswalk agree
// reads: one draft file per document, listing the sampled GDC clauses as
// reviewed, one record per counterpart the second curator found (or a none
// record), with their stance, confidence and reasoning as the note, and
// the quote they gave where it is verbatim in the counterpart. The second
// curator coded neither relationships, rationales, themes nor GDC-side
// quotes: those fields are TODO, which a draft allows.
//
// Run with go generate ./pkg/agree; it writes mappings/agreement-round3/.
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

const (
	in  = "../../mappings/agreement-round3.tsv"
	out = "../../mappings/agreement-round3"
)

func main() {
	log.SetFlags(0)
	ds, err := dataset.EmbeddedYAML()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(in)
	if err != nil {
		log.Fatal(err)
	}
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, 5
	rows, err := r.ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	files := map[string]*mapping.File{}
	for _, row := range rows[1:] {
		clause, doc, counterparts, reason := row[0], row[1], row[3], row[4]
		d, ok := ds.Corpus.Doc(doc)
		if !ok {
			log.Fatalf("unknown document %s", doc)
		}
		mf := files[doc]
		if mf == nil {
			mf = &mapping.File{Source: "gdc", Target: doc, Status: mapping.StatusDraft, Method: "human", Version: "round-3",
				Reviewed: "2026-11-29", Curators: []string{"second curator, agreement round 3"}}
			files[doc] = mf
		}
		if counterparts == "-" {
			// The second curator's silence, with the reason as written.
			mf.Silences = append(mf.Silences, mapping.Silence{Sources: []string{clause}, Note: reason})
			continue
		}
		segments := strings.Split(reason, " | ")
		for i, cp := range strings.Split(counterparts, ";") {
			parts := strings.Split(cp, ":")
			if len(parts) != 3 {
				log.Fatalf("%s → %s: counterpart %q is not target:stance:confidence", clause, doc, cp)
			}
			seg := ""
			if i < len(segments) {
				seg = segments[i]
			}
			rec := mapping.Record{Source: clause, Stance: parts[1], Confidence: parts[2], Theme: mapping.ToDo,
				Quotes: mapping.Quotes{Source: mapping.ToDo}}
			if parts[1] == mapping.None {
				rec.Note = strings.TrimSpace(strings.TrimPrefix(seg, "NOTABLE SILENCE (none):"))
			} else {
				rec.Target, rec.Relationship, rec.Rationale = parts[0], mapping.ToDo, mapping.ToDo
				rec.Note = strings.TrimSpace(strings.TrimPrefix(seg, parts[0]+":"))
				rec.Quotes.Target = mapping.ToDo
				if cl, ok := d.Clause(parts[0]); ok {
					if q := quote(seg); q != "" && strings.Contains(cl.Text, q) {
						rec.Quotes.Target = q
					}
				}
			}
			mf.Records = append(mf.Records, rec)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		log.Fatal(err)
	}
	var docs []string
	for doc := range files {
		docs = append(docs, doc)
	}
	sort.Strings(docs)
	for _, doc := range docs {
		var b bytes.Buffer
		fmt.Fprintf(&b, `# Agreement round 3: the second curator's coding of the sampled pairs in %s,
# generated from mappings/agreement-round3.tsv by go generate ./pkg/agree. A draft:
# the sampled GDC clauses are decided, by records or silence entries, and no other.
# The second curator coded stance,
# confidence, reasoning (the note) and a quote from the counterpart; relationship,
# rationale, theme and the GDC-side quote were not coded and are TODO.
# Compare with: crosswalk agree --with mappings/agreement-round3
`, doc)
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(files[doc]); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, doc+".yaml"), b.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// quote is the first “…” span of s, up to any ellipsis inside it.
func quote(s string) string {
	_, rest, ok := strings.Cut(s, "“")
	if !ok {
		return ""
	}
	q, _, _ := strings.Cut(rest, "”")
	q, _, _ = strings.Cut(q, "…")
	return strings.TrimSpace(q)
}
