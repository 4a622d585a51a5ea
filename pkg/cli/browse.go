package cli

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/tui"
)

// BrowseOptions are the inputs of `crosswalk browse`.
type BrowseOptions struct {
	Filters filterFlags
	ASCII   bool
	// equivalent is the report command that prints the same matrix.
	equivalent string
}

// NewCmdBrowse reads the comparison interactively in the terminal.
func NewCmdBrowse(f *Factory, runF func(*BrowseOptions) error) *cobra.Command {
	opts := &BrowseOptions{}
	cmd := &cobra.Command{
		Use:   "browse",
		Short: "Read the comparison interactively: matrix, pairs, documents",
		Long: `Open the alignment matrix in the terminal with a cursor on a cell. Enter
opens the pair: the GDC clause beside each counterpart (side by side when the
window is wide, stacked when narrow) with the evidence marked, the stance,
relationship, confidence and note; a silent cell shows why it is silent.
Enter on the GDC column shows the clause with every document's counterparts.

Keys: arrows or hjkl move, g/G top and bottom, PgUp/PgDn; / searches clause
text in either script (n, N for the next and previous match); d, o, t, s, c
change the document, objective, theme, stance and confidence filters in
place, x clears them; r reads the column's document in order. In a pair, tab
and ] or [ step through the counterparts, w opens the word-level diff, f
follows an ID shown. Esc or Backspace goes back to where you were; ? lists
the keys; q quits. The mouse wheel scrolls.

browse needs a terminal. Elsewhere the same views are reports: compare for
the matrix, show ID for a pair, show DOCUMENT for a document, diff A B.`,
		Example: `  crosswalk browse
  crosswalk browse --objective 3 --against cn-position-2024
  crosswalk browse --confidence medium --color never`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.equivalent = equivalentCompare(cmd)
			if runF != nil {
				return runF(opts)
			}
			return browseRun(f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fObjective|fTheme|fStance|fConfidence|fQualifier)
	cmd.Flags().BoolVar(&opts.ASCII, "ascii", false, "plain ASCII borders and marks for limited terminals")
	return cmd
}

// equivalentCompare is the compare command with the filters browse got.
func equivalentCompare(cmd *cobra.Command) string {
	parts := []string{"crosswalk compare"}
	for _, name := range []string{"against", "objective", "theme", "stance", "confidence"} {
		fl := cmd.Flags().Lookup(name)
		if fl == nil || !fl.Changed {
			continue
		}
		vals := []string{fl.Value.String()}
		if sv, ok := fl.Value.(interface{ GetSlice() []string }); ok {
			vals = sv.GetSlice()
		}
		for _, v := range vals {
			parts = append(parts, "--"+name+" "+v)
		}
	}
	return strings.Join(parts, " ")
}

func browseRun(f *Factory, opts *BrowseOptions) error {
	if !f.IO.IsTTY || !f.IO.IsStdinTTY {
		return usageErrorf("browse needs a terminal on standard input and output; for the same matrix as a report run '%s' (and 'crosswalk show ID' for a pair)", opts.equivalent)
	}
	// The model narrows the mappings itself as the confidence filter
	// changes, so it gets the whole data set and the resolved filters.
	_, filter, err := f.loadFiltered(&opts.Filters)
	if err != nil {
		return err
	}
	full, err := f.Dataset()
	if err != nil {
		return err
	}
	m := tui.New(tui.Options{Data: full, Filter: filter, Lang: f.Lang, Color: f.IO.ColorEnabled(), ASCII: opts.ASCII, Background: f.background(),
		Width: f.IO.Width, Height: f.IO.Height})
	// 120 frames a second: the first frame and each redraw reach the screen
	// within about 8 ms of being ready, rather than 17 at the default 60.
	// bubbletea needs the terminal itself (its size, raw mode), not the
	// wrapper that checks report writes.
	out := f.IO.Out
	if c, ok := out.(*checkedWriter); ok {
		out = c.w
	}
	p := tea.NewProgram(m, tea.WithInput(f.IO.In), tea.WithOutput(out), tea.WithFPS(120))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("browse: %w", err)
	}
	return nil
}
