package mapping_test

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
)

func TestBetweenFindsCuratedPairsBothWays(t *testing.T) {
	ds, err := dataset.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ds.Mappings.Records() {
		if r.Target == "" {
			if got := ds.Mappings.Between(r.SourceQID(), r.TargetQID()); got != nil {
				t.Errorf("a none record links no clauses, got %s → %s", got.SourceQID(), got.TargetQID())
			}
			continue
		}
		for _, pair := range [][2]string{{r.SourceQID(), r.TargetQID()}, {r.TargetQID(), r.SourceQID()}} {
			got := ds.Mappings.Between(pair[0], pair[1])
			if got == nil || got.SourceQID() != r.SourceQID() || got.TargetQID() != r.TargetQID() {
				t.Errorf("Between(%s, %s) misses the curated record", pair[0], pair[1])
			}
		}
	}
	if got := ds.Mappings.Between("gdc:1", "gdc:2"); got != nil {
		t.Error("two GDC clauses are never a curated pair")
	}
}
