package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// Help and usage are written here instead of through cobra's templates so
// that every line fits the terminal: descriptions and flag help wrap to its
// width, with continuation lines indented under their text.

func setHelp(root *cobra.Command, f *Factory) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		w := c.OutOrStdout()
		if text := strings.TrimSpace(firstNonEmpty(c.Long, c.Short)); text != "" {
			fmt.Fprintf(w, "%s\n\n", wrapProse(text, f.helpWidth()))
		}
		writeUsage(w, c, f.helpWidth())
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		writeUsage(c.OutOrStderr(), c, f.helpWidth())
		return nil
	})
}

// helpWidth is the terminal width, at most 100 so help stays readable.
func (f *Factory) helpWidth() int {
	if f.IO == nil || f.IO.Width <= 0 {
		return 80
	}
	return min(f.IO.Width, 100)
}

func writeUsage(w io.Writer, c *cobra.Command, width int) {
	fmt.Fprintf(w, "Usage:\n")
	if c.Runnable() {
		fmt.Fprintf(w, "  %s\n", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "  %s <command>\n", c.CommandPath())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(c.Example, "\n"))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\nCommands:\n")
		pad := 0
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() {
				pad = max(pad, len(s.Name()))
			}
		}
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() {
				fmt.Fprintf(w, "%s\n", hanging(fmt.Sprintf("  %-*s  ", pad, s.Name()), s.Short, width))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", flagUsages(c.LocalFlags(), width))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\nGlobal flags:\n%s", flagUsages(c.InheritedFlags(), width))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\nSee '%s <command> --help' for its options.\n", c.CommandPath())
	}
}

// flagUsages is pflag's layout, wrapped to width (pflag's own wrapping
// counts the usage column but not the flag column before it).
func flagUsages(fs *pflag.FlagSet, width int) string {
	return fs.FlagUsagesWrapped(max(width-1, 40))
}

// hanging writes head then text wrapped to width, continuation lines
// indented under the text.
func hanging(head, text string, width int) string {
	lines := report.Wrap(report.Plain(text), max(width-len(head), 20))
	out := make([]string, len(lines))
	for i, l := range lines {
		if i == 0 {
			out[i] = head + l.String()
		} else {
			out[i] = strings.Repeat(" ", len(head)) + l.String()
		}
	}
	return strings.Join(out, "\n")
}

// wrapProse rewraps paragraphs of prose to width. An indented line is a
// list item ("  term   description"): its description wraps under itself,
// and more deeply indented lines below it continue it.
func wrapProse(text string, width int) string {
	var out, para []string
	var item, head string
	flush := func() {
		if len(para) > 0 {
			for _, l := range report.Wrap(report.Plain(strings.Join(para, " ")), width) {
				out = append(out, l.String())
			}
		}
		if head != "" {
			out = append(out, hanging(head, item, width))
		}
		para, item, head = nil, "", ""
	}
	for _, l := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(l)
		switch {
		case trimmed == "":
			flush()
			out = append(out, "")
		case head != "" && len(l)-len(strings.TrimLeft(l, " ")) >= len(head):
			item += " " + trimmed
		case strings.HasPrefix(l, " "):
			flush()
			head, item = splitItem(l)
		default:
			if head != "" {
				flush()
			}
			para = append(para, trimmed)
		}
	}
	flush()
	return strings.Join(out, "\n")
}

// splitItem splits "  term   description" where the description starts
// after a gap of two or more spaces; a line without a gap is all text.
func splitItem(l string) (head, text string) {
	indent := len(l) - len(strings.TrimLeft(l, " "))
	if i := strings.Index(l[indent:], "  "); i > 0 {
		j := indent + i + len(l[indent+i:]) - len(strings.TrimLeft(l[indent+i:], " "))
		return l[:j], l[j:]
	}
	return l[:indent], l[indent:]
}
