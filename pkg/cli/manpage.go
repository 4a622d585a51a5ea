package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// The manual is written here rather than with cobra/doc: its Markdown-to-roff
// step reads placeholders such as <clause-id> as HTML and drops them, and
// importing it costs every run of the binary a package initialisation.

// manualPages calls page for every visible command of the tree, root first.
func manualPages(root *cobra.Command, page func(*cobra.Command)) {
	page(root)
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand() {
			manualPages(c, page)
		}
	}
}

// pageName is the file stem of a command's page: crosswalk-show.
func pageName(c *cobra.Command) string { return strings.ReplaceAll(c.CommandPath(), " ", "-") }

// roffEscaper keeps text literal in roff: backslashes and hyphens.
var roffEscaper = strings.NewReplacer(`\`, `\e`, "-", `\-`)

// roffText escapes text and stops a line that starts with . or ' from
// being read as a request; a blank line starts a new paragraph.
func roffText(s string) string {
	var out []string
	for _, l := range strings.Split(strings.Trim(s, "\n"), "\n") {
		switch {
		case strings.TrimSpace(l) == "":
			out = append(out, ".PP")
		case strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'"):
			out = append(out, `\&`+roffEscaper.Replace(l))
		default:
			out = append(out, roffEscaper.Replace(l))
		}
	}
	return strings.Join(out, "\n")
}

// writeMan writes one command's man page (section 1).
func writeMan(w io.Writer, c *cobra.Command, version string) {
	name := pageName(c)
	fmt.Fprintf(w, ".TH %q 1 \"\" %q \"crosswalk manual\"\n", strings.ToUpper(name), "crosswalk "+version)
	fmt.Fprintf(w, ".SH NAME\n%s \\- %s\n", roffEscaper.Replace(name), roffEscaper.Replace(c.Short))
	fmt.Fprintf(w, ".SH SYNOPSIS\n.nf\n%s\n.fi\n", roffText(c.UseLine()))
	fmt.Fprintf(w, ".SH DESCRIPTION\n%s\n", roffText(firstNonEmpty(c.Long, c.Short)))
	if fl := c.NonInheritedFlags().FlagUsagesWrapped(72); fl != "" {
		fmt.Fprintf(w, ".SH OPTIONS\n.nf\n%s\n.fi\n", roffText(fl))
	}
	if fl := c.InheritedFlags().FlagUsagesWrapped(72); fl != "" {
		fmt.Fprintf(w, ".SH GLOBAL OPTIONS\n.nf\n%s\n.fi\n", roffText(fl))
	}
	if c.Example != "" {
		fmt.Fprintf(w, ".SH EXAMPLES\n.nf\n%s\n.fi\n", roffText(c.Example))
	}
	var see []string
	for _, r := range related(c) {
		see = append(see, `\fB`+roffEscaper.Replace(pageName(r))+`\fR(1)`)
	}
	if len(see) > 0 {
		fmt.Fprintf(w, ".SH SEE ALSO\n%s\n", strings.Join(see, ", "))
	}
}

// mdEscaper keeps prose literal in Markdown: placeholders like <clause-id>
// and characters that would start emphasis, code or links.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)

// writeMarkdown writes one command's reference page; usage, flags and
// examples go in code blocks, where nothing is markup.
func writeMarkdown(w io.Writer, c *cobra.Command) {
	fmt.Fprintf(w, "# %s\n\n%s\n\n", c.CommandPath(), mdEscaper.Replace(c.Short))
	fmt.Fprintf(w, "## Synopsis\n\n```\n%s\n```\n\n", c.UseLine())
	if c.Long != "" {
		fmt.Fprintf(w, "%s\n\n", mdEscaper.Replace(strings.TrimSpace(c.Long)))
	}
	if c.Example != "" {
		fmt.Fprintf(w, "## Examples\n\n```\n%s\n```\n\n", strings.TrimRight(c.Example, "\n"))
	}
	if fl := c.NonInheritedFlags().FlagUsages(); fl != "" {
		fmt.Fprintf(w, "## Options\n\n```\n%s```\n\n", fl)
	}
	if fl := c.InheritedFlags().FlagUsages(); fl != "" {
		fmt.Fprintf(w, "## Global options\n\n```\n%s```\n\n", fl)
	}
	if rs := related(c); len(rs) > 0 {
		fmt.Fprintf(w, "## See also\n\n")
		for _, r := range rs {
			fmt.Fprintf(w, "- [%s](%s.md): %s\n", r.CommandPath(), pageName(r), mdEscaper.Replace(r.Short))
		}
	}
}

// related is a command's parent and visible subcommands.
func related(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	if c.HasParent() {
		out = append(out, c.Parent())
	}
	for _, s := range c.Commands() {
		if s.IsAvailableCommand() && !s.IsAdditionalHelpTopicCommand() {
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
