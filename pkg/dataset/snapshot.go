//go:build !nosnapshot

package dataset

import (
	"sync"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
	"github.com/crosswalk-dev/crosswalk/pkg/mapping"
)

//go:generate go run -tags nosnapshot ./internal/gensnapshot

var (
	snapshotOnce sync.Once
	snapshotData *Dataset
)

// Embedded returns the data compiled into the binary. It comes from the
// snapshot that go generate wrote after loading and checking the YAML, so
// start-up parses nothing; TestSnapshotIsFresh proves the snapshot equals
// the YAML. The data is built once and shared: callers must not modify it.
func Embedded() (*Dataset, error) {
	snapshotOnce.Do(func() { snapshotData = fromSnapshot() })
	return snapshotData, nil
}

// fromSnapshot indexes the snapshot's documents and themes.
func fromSnapshot() *Dataset {
	return &Dataset{
		Corpus:   corpus.New(snapshotDocs, snapshotThemes, snapshotThemeSets, snapshotVariants),
		Mappings: &mapping.Set{Files: snapshotMappings, Qualifiers: snapshotQualifiers},
		Origin:   "embedded",
		Version:  snapshotVersion,
	}
}
