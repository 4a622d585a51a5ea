// Package cli holds the cobra commands. Each command parses flags into an
// options struct, calls one engine function and hands the result to a
// renderer; nothing here computes a comparison.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/dataset"
	"github.com/crosswalk-dev/crosswalk/pkg/diag"
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

	// runPager starts the pager (exec by default; tests record instead).
	runPager func(argv, env []string, in []byte, stdout, stderr io.Writer) error

	loaded *dataset.Dataset
	err    error
}

// Dataset loads the data once: the --data directory if given (with its
// translations/ overlays), else the embedded copy with the overlays of the
// user translations folder.
func (f *Factory) Dataset() (*dataset.Dataset, error) {
	if f.loaded == nil && f.err == nil {
		if f.DataDir != "" {
			f.loaded, f.err = dataset.FromDirCached(f.DataDir, dataset.CacheDir())
		} else if f.loaded, f.err = dataset.Embedded(); f.err == nil {
			f.loaded, f.err = f.loaded.WithTranslations(dataset.UserTranslationsDir())
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

// globalRules check the root's flags, for every command.
var globalRules = []flagRule{oneOf("lang", langs...), oneOf("color", "auto", "always", "never")}

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
		Version:       f.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		// The root runs only to refuse what is not a command.
		Args:              unknownCommand,
		RunE:              func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error { return f.preRun(cmd, args, colorMode) },
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	setHelp(root, f)
	root.SetFlagErrorFunc(flagError)
	pf := root.PersistentFlags()
	pf.StringVar(&f.DataDir, "data", "", "read documents/ and mappings/ from `DIR` instead of the embedded data")
	pf.StringVar(&f.Lang, "lang", "both", "language of clause text shown")
	pf.StringVar(&colorMode, "color", "auto", "colour output")
	pf.BoolVar(&f.NoPager, "no-pager", false, "do not page long output in the terminal")
	document(root, pf, globalRules)
	_ = root.MarkPersistentFlagDirname("data")

	root.AddCommand(subcommands(f)...)
	root.SetHelpCommand(newHelpCmd())
	return root
}

// Execute runs the command line args and returns the exit status: 0 for
// success, 1 for an error, 2 for a usage error. Errors go to standard error
// once; a usage error ends by pointing at the command's help.
func Execute(f *Factory, args []string) int {
	_, status := execute(f, args)
	return status
}

// execute is Execute that also returns the command that ran, for tests.
func execute(f *Factory, args []string) (*cobra.Command, int) {
	// Output that could not be written is an error whoever wrote it (a
	// report, validate's summary, cobra's help), so it is caught here.
	out := &checkedWriter{w: f.IO.Out}
	f.IO.Out = out
	defer func() { f.IO.Out = out.w }()
	root := NewRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil && out.err != nil {
		err = fmt.Errorf("cannot write the output: %w", unwrapPath(out.err))
	}
	switch {
	case err == nil:
		return cmd, 0
	case ErrSilent(err):
		return cmd, 1
	case IsUsage(err):
		help := cmd
		if help.Name() == "help" {
			help = help.Root()
		}
		fmt.Fprintf(f.IO.ErrOut, "crosswalk: %v\nSee '%s --help'.\n", err, help.CommandPath())
		return cmd, 2
	}
	fmt.Fprintf(f.IO.ErrOut, "crosswalk: %v\n", err)
	return cmd, 1
}

// unknownCommand refuses arguments to the root: they are a mistyped or
// missing command.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return usageErrorf("unknown command %q%s", args[0], diag.DidYouMean(args[0], names))
}

// newHelpCmd is cobra's help command, but an unknown topic is a usage error.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			cmd, _, _ := c.Root().Find(args)
			var out []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					out = append(out, sub.Name()+"\t"+sub.Short)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err == nil && cmd == c.Root() {
				err = unknownCommand(cmd, rest)
			}
			if err != nil {
				return err
			}
			return cmd.Help()
		},
	}
}

// preRun checks what every command shares before it runs: no blank
// argument or flag value, and the global flags' rules.
func (f *Factory) preRun(cmd *cobra.Command, args []string, colorMode string) error {
	if cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd {
		return nil // completion asks with an empty word by design
	}
	if err := checkBlank(cmd, args); err != nil {
		return err
	}
	if err := checkRules(cmd.Flags(), globalRules); err != nil {
		return err
	}
	f.IO.ColorMode = colorMode
	return nil
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
		NewCmdBrowse(f, nil),
		NewCmdDivergences(f, nil),
		NewCmdPairs(f, nil),
		NewCmdQualifiers(f, nil),
		NewCmdEvolution(f, nil),
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
		NewCmdCompletion(f),
	}
}

// exactArgs requires n positional arguments, as a usage error naming them.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		_, want, _ := strings.Cut(cmd.Use, " ")
		return usageErrorf("%s takes %s; got %d argument%s", cmd.CommandPath(), want, len(args), plural(len(args)))
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkedWriter remembers the first error writing to it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
