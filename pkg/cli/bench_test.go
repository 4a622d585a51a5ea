package cli

import (
	"io"
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

// BenchmarkCompareCSV is what scripts run: the matrix as tidy CSV. The
// output is discarded, as a process writes it to a file descriptor: a
// bytes.Buffer growing to hold it would count as the command's memory.
func BenchmarkCompareCSV(b *testing.B) {
	for b.Loop() {
		ios, _, _ := iostreams.Test()
		ios.Out = io.Discard
		cmd := NewRootCmd(&Factory{IO: ios})
		cmd.SetArgs([]string{"compare", "--format", "csv"})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}
