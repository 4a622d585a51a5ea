// Package cli holds the cobra commands. Each command parses flags into an
// options struct, calls one engine function and hands the result to a
// renderer; nothing here computes a comparison.
package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// Factory carries what every command needs: streams, global flags and a
// lazily loaded dataset.
type Factory struct {
	IO      *iostreams.IOStreams
	DataDir string
	Lang    string
	Version string
	// Pager is the command long terminal output is piped through ("" for none).
	Pager   string
	NoPager bool

	loaded *dataset.Dataset
	err    error
}

// Dataset loads the data once: the --data directory if given, else the
// embedded copy.
func (f *Factory) Dataset() (*dataset.Dataset, error) {
	if f.loaded == nil && f.err == nil {
		if f.DataDir != "" {
			f.loaded, f.err = dataset.FromDir(f.DataDir)
		} else {
			f.loaded, f.err = dataset.Embedded()
		}
	}
	return f.loaded, f.err
}

// UsageError is a mistake in how the command was called (exit code 2).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, a ...any) error {
	return &UsageError{Err: fmt.Errorf(format, a...)}
}

// IsUsage reports whether err should exit with code 2.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

var langs = []string{"zh", "en", "both"}

// NewRootCmd builds the command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	var colorMode string
	root := &cobra.Command{
		Use:   "crosswalk",
		Short: "Compare the Global Digital Compact with Chinese policy texts, clause by clause",
		Long: `crosswalk holds the UN Global Digital Compact (2024) and four Chinese texts on
digital and cyberspace governance clause by clause and verbatim, with curated
mappings between them, and reports where they align, diverge and fall silent.

English summaries of clauses are crosswalk's own and unofficial.`,
		Version:           f.Version,
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: func(*cobra.Command, []string) error { return f.checkGlobals(colorMode) },
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	setHelp(root, f)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	pf := root.PersistentFlags()
	pf.StringVar(&f.DataDir, "data", "", "read documents/ and mappings/ from `DIR` instead of the embedded data")
	pf.StringVar(&f.Lang, "lang", "both", "language of clause text shown: zh, en or both")
	pf.StringVar(&colorMode, "color", "auto", "colour output: auto, always or never")
	pf.BoolVar(&f.NoPager, "no-pager", false, "do not page long output in the terminal")
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion(langs...))
	_ = root.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	_ = root.MarkPersistentFlagDirname("data")

	root.AddCommand(subcommands(f)...)
	return root
}

// checkGlobals validates the global flags before any command runs.
func (f *Factory) checkGlobals(colorMode string) error {
	if !contains(langs, f.Lang) {
		return usageErrorf("--lang must be one of %s, not %q", strings.Join(langs, ", "), f.Lang)
	}
	switch colorMode {
	case "auto", "always", "never":
		f.IO.ColorMode = colorMode
		return nil
	}
	return usageErrorf("--color must be auto, always or never, not %q", colorMode)
}

// subcommands are the commands under the root, in help order.
func subcommands(f *Factory) []*cobra.Command {
	return []*cobra.Command{
		NewCmdDocs(f, nil),
		NewCmdShow(f, nil),
		NewCmdValidate(f, nil),
		NewCmdExport(f, nil),
		NewCmdBrief(f, nil),
		NewCmdCompare(f, nil),
		NewCmdDivergences(f, nil),
		NewCmdGaps(f, nil),
		NewCmdPrinciples(f, nil),
		NewCmdEmphasis(f, nil),
		NewCmdStats(f, nil),
		NewCmdThemes(f, nil),
		NewCmdDiff(f, nil),
		NewCmdLineage(f, nil),
		NewCmdTerms(f, nil),
		NewCmdSuggest(f, nil),
		NewCmdAudit(f, nil),
		NewCmdAgree(f, nil),
		NewCmdNew(f),
		NewCmdVersion(f, nil),
		NewCmdManual(f, nil),
	}
}

// exactArgs is cobra.ExactArgs reported as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return &UsageError{Err: err}
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
