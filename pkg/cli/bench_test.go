package cli

import (
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// BenchmarkCompareTable is the README's main command end to end, data
// loading included, rendered for an 80-column terminal.
func BenchmarkCompareTable(b *testing.B) {
	for b.Loop() {
		io, _, _ := iostreams.Test()
		cmd := NewRootCmd(&Factory{IO: io})
		cmd.SetArgs([]string{"compare"})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareCSV is what scripts run: the matrix as tidy CSV.
func BenchmarkCompareCSV(b *testing.B) {
	for b.Loop() {
		io, _, _ := iostreams.Test()
		cmd := NewRootCmd(&Factory{IO: io})
		cmd.SetArgs([]string{"compare", "--format", "csv"})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}
