//go:build !nosnapshot

package dataset

import (
	"reflect"
	"testing"
)

// The snapshot compiled into the binary must be exactly what loading the
// YAML gives, so a change to documents/ or mappings/ cannot ship without
// regenerating it.
func TestSnapshotIsFresh(t *testing.T) {
	fromYAML, err := EmbeddedYAML()
	if err != nil {
		t.Fatalf("embedded YAML does not load:\n%v", err)
	}
	snap, _ := Embedded()
	const fix = "the snapshot is stale: documents/ or mappings/ changed since it was generated.\nRegenerate it with:\n\n\tgo generate ./pkg/dataset\n"
	if snap.Version != fromYAML.Version {
		t.Fatalf("%sdata version: snapshot %s, YAML %s", fix, snap.Version, fromYAML.Version)
	}
	if !reflect.DeepEqual(snap.Corpus, fromYAML.Corpus) {
		t.Fatalf("%sthe documents or themes differ", fix)
	}
	if !reflect.DeepEqual(snap.Mappings, fromYAML.Mappings) {
		t.Fatalf("%sthe mappings differ", fix)
	}
}
