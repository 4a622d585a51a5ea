package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// ManualOptions are the inputs of `crosswalk manual`.
type ManualOptions struct {
	Dir    string
	Format string
}

// NewCmdManual writes man pages or Markdown reference pages for every command.
func NewCmdManual(f *Factory, runF func(*ManualOptions) error) *cobra.Command {
	opts := &ManualOptions{}
	cmd := &cobra.Command{
		Use:   "manual --dir DIR",
		Short: "Write man pages (or Markdown pages) for every command into a folder",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Dir == "" {
				return usageErrorf("--dir is required: the folder to write the pages into")
			}
			if runF != nil {
				return runF(opts)
			}
			return manualRun(f, cmd.Root(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "write the pages into `DIR` (created if needed)")
	cmd.Flags().StringVar(&opts.Format, "format", "man", "man pages or Markdown pages")
	_ = cmd.MarkFlagDirname("dir")
	validate(cmd, oneOf("format", "man", "md"))
	return cmd
}

func manualRun(f *Factory, root *cobra.Command, opts *ManualOptions) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("cannot write the pages into %s: %w", opts.Dir, unwrapPath(err))
	}
	// Pages must not change with the date they were built on.
	root.DisableAutoGenTag = true
	var err error
	if opts.Format == "md" {
		err = doc.GenMarkdownTree(root, opts.Dir)
	} else {
		err = doc.GenManTree(root, &doc.GenManHeader{Title: "CROSSWALK", Section: "1", Source: "crosswalk " + f.Version}, opts.Dir)
	}
	if err != nil {
		return fmt.Errorf("cannot write the pages into %s: %w", opts.Dir, unwrapPath(err))
	}
	fmt.Fprintf(f.IO.ErrOut, "wrote %s pages to %s\n", opts.Format, opts.Dir)
	return nil
}
