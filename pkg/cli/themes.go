package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// ThemesOptions are the inputs of `crosswalk themes`.
type ThemesOptions struct {
	Out outputFlags
}

// NewCmdThemes lists the theme vocabulary.
func NewCmdThemes(f *Factory, runF func(*ThemesOptions) error) *cobra.Command {
	opts := &ThemesOptions{}
	cmd := &cobra.Command{
		Use:   "themes",
		Short: "List the themes and sets of themes that --theme accepts",
		Long: `List every theme with its English and Chinese labels, its definition, how
many clauses of the GDC and of the Chinese texts carry it and how many
mapping records are filed under it; then the named sets of themes (data,
governance, ai, rights, security, development) that --theme also accepts.`,
		Example: `  crosswalk themes
  crosswalk themes --format csv -o themes.csv
  crosswalk divergences --theme data`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *ThemesOptions) error { return themesRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "csv", "json")
	return cmd
}

func themesRun(f *Factory, opts *ThemesOptions) error {
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewThemes(ds))
}
