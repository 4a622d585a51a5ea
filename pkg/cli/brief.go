package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/brief"
)

// BriefOptions are the inputs of `crosswalk brief`.
type BriefOptions struct {
	Filters filterFlags
	Out     outputFlags
}

// NewCmdBrief writes the self-contained HTML briefing.
func NewCmdBrief(f *Factory, runF func(*BriefOptions) error) *cobra.Command {
	opts := &BriefOptions{}
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Write one self-contained HTML page for readers without a terminal",
		Long: `Write the alignment matrix, a side-by-side view of every GDC clause and its
counterparts (evidence highlighted, stance, note), and the divergence, gap,
principle, emphasis and stats reports as one HTML file. The file needs no
network: styles and script are inline. It filters by objective, theme,
stance and document in the browser (and shows everything without
JavaScript), and prints with one clause after another.

The filters below narrow the page itself, so a briefing can cover one
objective or one document. For Excel, use export --format xlsx.`,
		Example: `  crosswalk brief -o brief.html
  crosswalk brief --objective 3 --against cn-position-2024 -o objective3.html`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *BriefOptions) error { return briefRun(f, o) }),
	}
	addFilterFlags(cmd, f, &opts.Filters, fAgainst|fTarget|fObjective|fTheme|fStance|fKind|fConfidence|fQualifier)
	addOutputFlags(cmd, &opts.Out, "html")
	return cmd
}

func briefRun(f *Factory, opts *BriefOptions) error {
	if opts.Out.Output == "" && f.IO.IsTTY {
		return usageErrorf("brief writes an HTML page; give a file name, such as -o brief.html")
	}
	ctx, err := f.context(&opts.Filters)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := brief.HTML(&buf, ctx); err != nil {
		return err
	}
	return f.write(&opts.Out, buf.Bytes())
}
