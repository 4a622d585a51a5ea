package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeDocIDs offers document IDs with their English titles: the
// counterpart documents only where the GDC itself is not a valid value.
func completeDocIDs(f *Factory, counterpartsOnly bool) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		docs := ds.Corpus.Docs
		if counterpartsOnly {
			docs = ds.Corpus.Counterparts()
		}
		var out []string
		for _, d := range docs {
			out = append(out, d.ID+"\t"+d.TitleEn)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeClauseIDs offers qualified clause IDs with their summaries. Until
// a document is typed it offers document prefixes, so the list stays short.
func completeClauseIDs(f *Factory, maxArgs int) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= maxArgs {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		if !strings.Contains(toComplete, ":") {
			// A bare ID means the GDC, as on the command line.
			if gdc, ok := ds.Corpus.Reference(); ok && toComplete != "" {
				for _, c := range gdc.Clauses {
					if strings.HasPrefix(c.ID, toComplete) {
						out = append(out, c.ID+"\t"+oneLine(c.SummaryEn, 60))
					}
				}
				if len(out) > 0 {
					return out, cobra.ShellCompDirectiveNoFileComp
				}
			}
			for _, d := range ds.Corpus.Docs {
				out = append(out, d.ID+":\t"+d.TitleEn)
			}
			return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
		}
		for _, d := range ds.Corpus.Docs {
			for _, c := range d.Clauses {
				if q := c.QID(); strings.HasPrefix(q, toComplete) {
					out = append(out, q+"\t"+oneLine(c.SummaryEn, 60))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// oneLine shortens s to at most n runes on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// shells are the shells `crosswalk completion` writes scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// NewCmdCompletion writes a shell completion script. It replaces cobra's
// default command so an unknown shell is a usage error, not help and exit 0.
func NewCmdCompletion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion <shell>",
		Short: "Shell completion for bash, zsh, fish or powershell, with IDs",
		Long: `Write a completion script for your shell to standard output. Completion
offers commands, flags and their values, and clause and document IDs with
their English summaries and titles.

  bash        source <(crosswalk completion bash)
  zsh         crosswalk completion zsh > "${fpath[1]}/_crosswalk"
  fish        crosswalk completion fish > ~/.config/fish/completions/crosswalk.fish
  powershell  crosswalk completion powershell | Out-String | Invoke-Expression`,
		Example: `  source <(crosswalk completion bash)
  crosswalk completion zsh > "${fpath[1]}/_crosswalk"`,
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := exactArgs(1)(cmd, args); err != nil {
				return err
			}
			if !contains(shells, args[0]) {
				return usageErrorf("unknown shell %q%s; crosswalk completion takes %s", args[0], diag.DidYouMean(args[0], shells), orList(shells))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), f.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			}
			return root.GenPowerShellCompletionWithDesc(out)
		},
	}
}
