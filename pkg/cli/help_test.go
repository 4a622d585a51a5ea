package cli

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// TestHelpFitsTheTerminal renders the help of every command at 80 columns
// and 60 (examples aside) and checks that no line is wider, that each summary
// fits on one line beside its name, and that every command has examples.
func TestHelpFitsTheTerminal(t *testing.T) {
	io, _, _ := iostreams.Test()
	root := NewRootCmd(&Factory{IO: io})
	var paths [][]string
	manualPages(root, func(c *cobra.Command) {
		paths = append(paths, strings.Fields(c.CommandPath())[1:])
	})
	for _, width := range []int{60, 80} {
		for _, p := range paths {
			r := run(t, width, false, append(p, "--help")...)
			if r.err != nil {
				t.Fatalf("%v --help: %v", p, r.err)
			}
			for _, l := range strings.Split(r.out, "\n") {
				// Examples are commands to copy: they stay whole below 80.
				example := width < 80 && strings.HasPrefix(l, "  crosswalk ")
				if w := lipgloss.Width(l); w > width && !example {
					t.Errorf("%v --help at %d columns: line is %d wide: %q", p, width, w, l)
				}
			}
		}
	}
	r := run(t, 80, false, "--help")
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() {
			continue
		}
		if !strings.Contains(r.out, "  "+c.Name()) || !strings.Contains(strings.ReplaceAll(r.out, "\n", " "), c.Short) {
			t.Errorf("%s is missing from the command list", c.Name())
		}
		if c.Name() != "completion" && c.Example == "" {
			t.Errorf("%s has no examples in its help", c.Name())
		}
		if w := len("  ") + 12 + lipgloss.Width(c.Short); w > 80 {
			t.Errorf("%s: summary needs %d columns beside its name; keep it to one line at 80", c.Name(), w)
		}
	}
}
