package cli

import (
	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/view"
)

// VersionOptions are the inputs of `crosswalk version`.
type VersionOptions struct {
	Out outputFlags
}

// NewCmdVersion prints the binary version, the data version and each
// mapping file's version.
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the binary, data and mapping file versions",
		Long: `Print the version of the binary, the version of the data it reads (a
fingerprint of every document and mapping file, as every report's header
shows it) and, for each compared document, its mapping file's version,
status and review date. With --data DIR it describes that directory.`,
		Example: `  crosswalk version
  crosswalk version --format json`,
		Args: noArgs,
		RunE: runner(opts, &opts.Out, runF, func(o *VersionOptions) error { return versionRun(f, o) }),
	}
	addOutputFlags(cmd, &opts.Out, "table", "md", "json")
	return cmd
}

func versionRun(f *Factory, opts *VersionOptions) error {
	ctx, err := f.context(&filterFlags{})
	if err != nil {
		return err
	}
	return f.emit(&opts.Out, view.NewVersion(ctx, f.Version))
}
