package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/outfile"
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
		Short: "Write man pages or Markdown pages for every command",
		Example: `  crosswalk manual --dir man/man1
  crosswalk manual --dir docs/commands --format md`,
		Args: noArgs,
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
	var err error
	n := 0
	manualPages(root, func(c *cobra.Command) {
		var b strings.Builder
		name := pageName(c) + ".1"
		if opts.Format == "md" {
			writeMarkdown(&b, c)
			name = pageName(c) + ".md"
		} else {
			writeMan(&b, c, f.Version)
		}
		if err == nil {
			err = outfile.Write(filepath.Join(opts.Dir, name), []byte(b.String()))
			n++
		}
	})
	if err != nil {
		return fmt.Errorf("cannot write the pages into %s: %w", opts.Dir, unwrapPath(err))
	}
	fmt.Fprintf(f.IO.ErrOut, "wrote %d %s pages to %s\n", n, opts.Format, opts.Dir)
	return nil
}
