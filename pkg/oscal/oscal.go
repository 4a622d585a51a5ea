// Package oscal writes the curated mappings as an OSCAL mapping collection
// (OSCAL 1.2, JSON) and reads one back. The mapping model follows NIST IR
// 8477: crosswalk's relationships are its set-theory relationships, its
// rationales the matching rationales. What OSCAL has no field for — the
// stance, the theme, the quoted evidence — travels as props in crosswalk's
// namespace; the curators' note is the remarks of the map.
package oscal

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/crosswalk-dev/crosswalk/pkg/compare"
	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

// Version is the OSCAL version the output conforms to (validated against
// NIST's JSON Schema of that release in the tests).
const Version = "1.2.2"

// NS qualifies the props crosswalk adds.
const NS = "https://github.com/crosswalk-dev/crosswalk/ns/oscal"

// NoRelationship is NIST IR 8477's relationship for a source with no
// counterpart: crosswalk's none record (a notable silence).
const NoRelationship = "no-relationship"

// CurationGuide is where the collection's provenance points: how a record
// is coded.
const CurationGuide = "mappings/CURATION.md"

// Document is an OSCAL document holding one mapping collection.
type Document struct {
	Schema     string     `json:"$schema,omitempty"`
	Collection Collection `json:"mapping-collection"`
}

// Collection is an OSCAL mapping-collection.
type Collection struct {
	UUID       string     `json:"uuid"`
	Metadata   Metadata   `json:"metadata"`
	Provenance Provenance `json:"provenance"`
	Mappings   []Mapping  `json:"mappings"`
	BackMatter BackMatter `json:"back-matter"`
}

// Metadata is the collection's metadata.
type Metadata struct {
	Title        string `json:"title"`
	LastModified string `json:"last-modified"`
	Version      string `json:"version"`
	OSCALVersion string `json:"oscal-version"`
	Props        []Prop `json:"props,omitempty"`
	Remarks      string `json:"remarks,omitempty"`
}

// Provenance says how the mappings were made.
type Provenance struct {
	Method             string `json:"method"`
	MatchingRationale  string `json:"matching-rationale"`
	Status             string `json:"status"`
	MappingDescription string `json:"mapping-description"`
	Links              []Link `json:"links,omitempty"`
	Props              []Prop `json:"props,omitempty"`
	Remarks            string `json:"remarks,omitempty"`
}

// Mapping is one mapping file: the GDC onto one document.
type Mapping struct {
	UUID           string      `json:"uuid"`
	Method         string      `json:"method,omitempty"`
	Status         string      `json:"status,omitempty"`
	SourceResource ResourceRef `json:"source-resource"`
	TargetResource ResourceRef `json:"target-resource"`
	Props          []Prop      `json:"props,omitempty"`
	Maps           []Map       `json:"maps"`
	Remarks        string      `json:"remarks,omitempty"`
}

// ResourceRef points at a document in the back matter.
type ResourceRef struct {
	Type  string `json:"type"`
	Href  string `json:"href"`
	Props []Prop `json:"props,omitempty"`
}

// Map is one record.
type Map struct {
	UUID              string      `json:"uuid"`
	Relationship      string      `json:"relationship"`
	MatchingRationale string      `json:"matching-rationale,omitempty"`
	ConfidenceScore   *Confidence `json:"confidence-score,omitempty"`
	Sources           []Item      `json:"sources"`
	Targets           []Item      `json:"targets"`
	Props             []Prop      `json:"props,omitempty"`
	Remarks           string      `json:"remarks,omitempty"`
}

// Confidence is a map's confidence as a category.
type Confidence struct {
	Category string `json:"category"`
}

// Item is a source or target clause of a map.
type Item struct {
	Type    string `json:"type"`
	IDRef   string `json:"id-ref"`
	Props   []Prop `json:"props,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// Prop is an OSCAL property.
type Prop struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Remarks string `json:"remarks,omitempty"`
}

// Link is an OSCAL link.
type Link struct {
	Href string `json:"href"`
	Rel  string `json:"rel,omitempty"`
	Text string `json:"text,omitempty"`
}

// BackMatter lists the documents.
type BackMatter struct {
	Resources []Resource `json:"resources"`
}

// Resource is one document.
type Resource struct {
	UUID        string `json:"uuid"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Props       []Prop `json:"props,omitempty"`
}

// Item types: a clause is a statement; the target of a no-relationship map
// is the whole document, written as its ID with type control.
const (
	ItemClause   = "statement"
	ItemDocument = "control"
)

// Props crosswalk adds, all in NS.
const (
	PropStance   = "stance"
	PropTheme    = "theme"
	PropQuote    = "quote"
	PropDocument = "document-id"
	PropVersion  = "mapping-version"
	PropReviewed = "reviewed"
	PropClause   = "clause-reviewed"
	PropNearest  = "nearest"
	// PropQualifier is on the target item: its value is the qualifier key,
	// its remarks the target's words that carry it.
	PropQualifier = "qualifier"
	PropNotMapped = "not-reviewed"
	PropNoRecords = "no-records"
	PropData      = "data-version"
)

// methods maps a mapping file's method onto OSCAL's.
var methods = map[string]string{"human": "human", "assisted": "hybrid"}

// uuid is a name-based (version 5 layout) UUID, so the same data always
// gives the same document.
func uuid(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%s\x00", p)
	}
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

func prop(name, value string) Prop { return Prop{Name: name, NS: NS, Value: value} }

// FromDataset writes every mapping file of ds as one collection.
func FromDataset(ds *dataset.Dataset) *Document {
	c := ds.Corpus
	coll := Collection{
		UUID: uuid("collection", ds.Version),
		Metadata: Metadata{
			Title:        "Global Digital Compact → Chinese texts on digital and cyberspace governance: curated clause mappings (crosswalk)",
			LastModified: lastModified(ds),
			Version:      ds.Version,
			OSCALVersion: Version,
			Props:        []Prop{prop(PropData, ds.Version)},
		},
		Provenance: Provenance{
			Method:            "human",
			MatchingRationale: "semantic",
			Status:            mapping.StatusComplete,
			MappingDescription: "Each GDC clause was read against the whole of each Chinese text by two readers working independently and an adjudicator (mappings/AGREEMENT.md says who and how); every counterpart is recorded " +
				"with a stance (aligned, partial, divergent), a NIST IR 8477 relationship and matching rationale, a confidence, a theme, " +
				"verbatim quotes from both clauses and a note saying how the texts differ. A source with no-relationship is a silence: " +
				"stance none for a notable silence, stance silent for a reviewed one, each with the curators' reason. The rationale given here is the default; each map states its own.",
			Links: []Link{{Href: CurationGuide, Rel: "reference", Text: "crosswalk curation guide: definitions and decision rules"}},
		},
		Mappings: []Mapping{},
	}
	res := map[string]string{} // document ID → resource UUID
	for _, d := range c.Docs {
		u := uuid("document", d.ID)
		res[d.ID] = u
		coll.BackMatter.Resources = append(coll.BackMatter.Resources, Resource{
			UUID: u, Title: d.Title + " — " + d.TitleEn,
			Description: d.IssuerEn + ", " + d.Date,
			Props:       []Prop{prop(PropDocument, d.ID)},
		})
	}
	ref, _ := c.Reference()
	for _, d := range c.Counterparts() {
		f, ok := ds.Mappings.For(d.ID)
		if !ok {
			coll.Provenance.Status = "not-complete"
			coll.Provenance.Props = append(coll.Provenance.Props, prop(PropNotMapped, d.ID))
			continue
		}
		if f.Status != mapping.StatusComplete {
			coll.Provenance.Status = "not-complete"
		}
		if len(f.Records) == 0 && len(f.Silences) == 0 {
			// OSCAL wants at least one map; a file that decides no clause
			// yet is named by the prop instead.
			coll.Provenance.Props = append(coll.Provenance.Props, prop(PropNoRecords, d.ID))
			continue
		}
		coll.Mappings = append(coll.Mappings, fromFile(f, ref, res))
	}
	if len(coll.Provenance.Props) > 0 {
		coll.Provenance.Remarks = "A document named by a not-reviewed prop has no mapping file: nobody has reviewed the GDC against it, so the absence of maps says nothing. " +
			"One named by a no-records prop has a mapping file that decides no GDC clause yet: every cell is not reviewed."
	}
	return &Document{Collection: coll}
}

func fromFile(f *mapping.File, ref *corpus.Document, res map[string]string) Mapping {
	m := Mapping{
		UUID:           uuid("mapping", f.Source, f.Target),
		Method:         methods[f.Method],
		Status:         f.Status,
		SourceResource: ResourceRef{Type: "document", Href: "#" + res[f.Source], Props: []Prop{prop(PropDocument, f.Source)}},
		TargetResource: ResourceRef{Type: "document", Href: "#" + res[f.Target], Props: []Prop{prop(PropDocument, f.Target)}},
		Props:          []Prop{prop(PropVersion, f.Version), prop(PropReviewed, f.Reviewed)},
		Maps:           []Map{},
	}
	if f.Status == mapping.StatusComplete {
		m.Remarks = "Every GDC clause (footnotes and lead-in chapeaus aside) was read against the whole document and has maps: its counterparts, a notable silence, or a reviewed silence (no-relationship, stance silent, with the curators' reason and the nearest clause they considered)."
	} else {
		m.Remarks = "A draft: only the GDC clauses listed in the clause-reviewed props have been decided; the others are not reviewed, not silent."
		for _, id := range f.Decided(ref) {
			m.Props = append(m.Props, prop(PropClause, f.Source+":"+id))
		}
	}
	for i := range f.Records {
		r := &f.Records[i]
		mp := Map{
			UUID:              uuid("map", r.SourceQID(), r.TargetQID(), r.Stance),
			Relationship:      r.Relationship,
			MatchingRationale: r.Rationale,
			ConfidenceScore:   &Confidence{Category: r.Confidence},
			Sources:           []Item{{Type: ItemClause, IDRef: r.SourceQID(), Props: []Prop{prop(PropQuote, r.Quotes.Source)}}},
			Props:             []Prop{prop(PropStance, r.Stance), prop(PropTheme, r.Theme)},
			Remarks:           r.Note,
		}
		if r.Stance == mapping.None {
			mp.Relationship = NoRelationship
			mp.Targets = []Item{{Type: ItemDocument, IDRef: r.TargetDoc, Remarks: "The whole document: no clause corresponds (a notable silence)."}}
		} else {
			props := []Prop{prop(PropQuote, r.Quotes.Target)}
			for _, q := range r.Qualifiers {
				p := prop(PropQualifier, q.Key)
				p.Remarks = q.Words
				props = append(props, p)
			}
			mp.Targets = []Item{{Type: ItemClause, IDRef: r.TargetQID(), Props: props}}
		}
		m.Maps = append(m.Maps, mp)
	}
	for i := range f.Silences {
		si := &f.Silences[i]
		for _, id := range si.Sources {
			mp := Map{
				UUID:         uuid("silence", f.Source+":"+id, f.Target),
				Relationship: NoRelationship,
				Sources:      []Item{{Type: ItemClause, IDRef: f.Source + ":" + id}},
				Targets:      []Item{{Type: ItemDocument, IDRef: f.Target, Remarks: "The whole document: read against the GDC clause, no clause corresponds (a reviewed silence)."}},
				Props:        []Prop{prop(PropStance, compare.Silent)},
				Remarks:      si.Note,
			}
			if q := si.NearestQID(); q != "" {
				mp.Props = append(mp.Props, prop(PropNearest, q))
			}
			m.Maps = append(m.Maps, mp)
		}
	}
	return m
}

// lastModified is the newest review date of the mapping files, at midnight
// UTC, so the same data always gives the same document.
func lastModified(ds *dataset.Dataset) string {
	latest := "2024-09-22" // the GDC's adoption
	for _, f := range ds.Mappings.Files {
		if f.Reviewed > latest && len(f.Reviewed) == 10 {
			latest = f.Reviewed
		}
	}
	return latest + "T00:00:00Z"
}

// Pair is a record as read back from a collection.
type Pair struct {
	Source, Target                              string // fully qualified; a none record's target is the document ID
	Stance, Relationship, Rationale, Confidence string
	Theme, Note, QuoteSource, QuoteTarget       string
	Nearest                                     string // a silence's nearest clause, fully qualified
	// Qualifiers are "key: words", one per line (a string keeps Pair comparable).
	Qualifiers string
}

// Pairs reads the records back from a collection, in file and record order.
func (d *Document) Pairs() ([]Pair, error) {
	var out []Pair
	for _, m := range d.Collection.Mappings {
		for _, mp := range m.Maps {
			if len(mp.Sources) != 1 || len(mp.Targets) != 1 {
				return nil, fmt.Errorf("map %s: crosswalk writes one source and one target per map, found %d and %d", mp.UUID, len(mp.Sources), len(mp.Targets))
			}
			p := Pair{Source: mp.Sources[0].IDRef, Target: mp.Targets[0].IDRef, Relationship: mp.Relationship, Rationale: mp.MatchingRationale,
				Note: mp.Remarks, QuoteSource: propValue(mp.Sources[0].Props, PropQuote), QuoteTarget: propValue(mp.Targets[0].Props, PropQuote),
				Stance: propValue(mp.Props, PropStance), Theme: propValue(mp.Props, PropTheme), Nearest: propValue(mp.Props, PropNearest)}
			var qs []string
			for _, pr := range mp.Targets[0].Props {
				if pr.Name == PropQualifier && pr.NS == NS {
					qs = append(qs, pr.Value+": "+pr.Remarks)
				}
			}
			p.Qualifiers = strings.Join(qs, "\n")
			if mp.ConfidenceScore != nil {
				p.Confidence = mp.ConfidenceScore.Category
			}
			if p.Relationship == NoRelationship {
				p.Relationship = ""
			}
			out = append(out, p)
		}
	}
	return out, nil
}

func propValue(ps []Prop, name string) string {
	for _, p := range ps {
		if p.Name == name && p.NS == NS {
			return p.Value
		}
	}
	return ""
}

// PairsOf are the records of a mapping set as Pairs, for comparison with
// what a collection reads back as.
func PairsOf(s *mapping.Set) []Pair {
	var out []Pair
	for _, r := range s.Records() {
		qs := make([]string, len(r.Qualifiers))
		for i, q := range r.Qualifiers {
			qs[i] = q.Key + ": " + q.Words
		}
		out = append(out, Pair{Source: r.SourceQID(), Target: r.TargetQID(), Stance: r.Stance, Relationship: r.Relationship,
			Rationale: r.Rationale, Confidence: r.Confidence, Theme: r.Theme, Note: r.Note, QuoteSource: r.Quotes.Source, QuoteTarget: r.Quotes.Target,
			Qualifiers: strings.Join(qs, "\n")})
	}
	for _, f := range s.Files {
		for i := range f.Silences {
			si := &f.Silences[i]
			for _, id := range si.Sources {
				out = append(out, Pair{Source: f.Source + ":" + id, Target: f.Target, Stance: compare.Silent, Note: si.Note, Nearest: si.NearestQID()})
			}
		}
	}
	return out
}

// sortPairs orders pairs by source, target and stance (for tests).
func sortPairs(ps []Pair) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Source != ps[j].Source {
			return ps[i].Source < ps[j].Source
		}
		if ps[i].Target != ps[j].Target {
			return ps[i].Target < ps[j].Target
		}
		return ps[i].Stance < ps[j].Stance
	})
}
