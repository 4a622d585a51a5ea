package cli

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// fuzzEnv are the environment variables the command-line fuzz target sets.
var fuzzEnv = []string{"COLUMNS", "NO_COLOR", "CLICOLOR_FORCE", "PAGER", "CROSSWALK_PAGER", "LESS", "LANG"}

// vocabulary is what fuzzed argument lists are drawn from: every command
// and flag of the real tree, their values, clause and document IDs, and
// junk. In a fuzzed argument "@N" stands for word N.
func vocabulary(t testing.TB) []string {
	words := []string{"", " ", "\t", "-", "--", "=", "-o", "-", "x.json", "x.md", "out.csv", "r.txt", "json", "a,,b", ",",
		"\x1b[31m", "数字鸿沟", "網絡主權", "多利益攸关方", "-1", "0", "1", "2", "3", "4", "5", "12", "100", "1000", "1001",
		"99999999999999999999", "1e3", "0x10", "1ns", "0s", "-1s", "5m", "1h", "true", "false", "both", "gdc", "cn",
		"chars", "clauses", "man", "md", "table", "csv", "bash", "tcsh", "27", "29d", "29.d", "gdc:29(d)", "gdc:7(3)", "fn.4",
		"cn-position-2024:2.4.3", "cn-africa-2021:6", "cn-whitepaper-2022:4.4.1", "cn-speech-2014:1.4", "cn-speech-2014:sal.1",
		"99", "cn-position-2024", "cn-africa-2021", "cn-speech-2014", "cn-whitepaper-2022", "nosuch", "internet-governance",
		"digital-divides", "aligned", "partial", "divergent", "silent", "proposal", "principle", "zh", "en", "auto", "always",
		"never", "help", "__complete", "__completeNoDesc", "--help", "-h", "--version", "man-out"}
	fixture, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	words = append(words, fixture)
	io, _, _ := iostreams.Test()
	root := NewRootCmd(&Factory{IO: io})
	root.InitDefaultHelpFlag()
	add := func(fl *pflag.Flag) {
		words = append(words, "--"+fl.Name, "--"+fl.Name+"=")
		if fl.Shorthand != "" {
			words = append(words, "-"+fl.Shorthand)
		}
	}
	root.PersistentFlags().VisitAll(add)
	for _, c := range root.Commands() {
		words = append(words, c.Name())
		c.Flags().VisitAll(add)
	}
	return words
}

// fuzzArgs turns a fuzzed line into arguments: NUL separates them, "@N" is
// vocabulary word N, and anything else is taken as it is, except that path
// separators and ".." are defused so no run reaches outside its folder.
func fuzzArgs(line string, vocab []string) []string {
	var args []string
	for _, a := range strings.Split(line, "\x00") {
		if n, err := strconv.Atoi(strings.TrimPrefix(a, "@")); err == nil && strings.HasPrefix(a, "@") && n >= 0 {
			args = append(args, vocab[n%len(vocab)])
			continue
		}
		args = append(args, strings.NewReplacer("/", "_", "\\", "_", "..", "__").Replace(a))
	}
	return args
}

// FuzzCommandLine runs the whole command tree in process with arbitrary
// arguments and environment, on a terminal or not, and checks what any
// user may rely on: no panic, exit status 0, 1 or 2, nothing on standard
// output with a usage error, valid JSON whenever --format json succeeded,
// and no message that speaks of Go. Every run works in its own empty
// folder, and the pager is never started: a fake records it, and fails
// for a pager named "fail".
func FuzzCommandLine(f *testing.F) {
	vocab := vocabulary(f)
	at := func(w string) string {
		for i, v := range vocab {
			if v == w {
				return "@" + strconv.Itoa(i)
			}
		}
		return w
	}
	seeds := []struct {
		args, env string
		tty       bool
	}{
		{"compare", "", false},
		{"emphasis\x00--top\x00-1", "", false},
		{"terms\x00--top\x00-5", "", false},
		{"terms\x00", "", false},
		{"suggest\x0027\x00--top\x000", "", false},
		{"compare", "PAGER= ", true},
		{"compare", "PAGER='less' -R\x00LESS=-i", true},
		{"compare", "CROSSWALK_PAGER=\"unclosed\x00COLUMNS=12", true},
		{"compare", "PAGER=fail", true},
		{"nosuch", "", false},
		{"completion\x00tcsh", "", false},
		{"gaps\x00--side\x00cn\x00--in-all", "", false},
		{"compare\x00--objective\x00x", "", false},
		{"show\x0029d\x00--format\x00json", "NO_COLOR=1", false},
		{"diff\x00cn-africa-2021:6\x00cn-whitepaper-2022:4.4.1\x00--format\x00json", "", false},
		{"--data\x00" + at(vocab[len(vocab)-1]) + "\x00gaps\x00--format\x00json", "", false},
		{"divergences\x00--format\x00md\x00-o\x00d.md", "", false},
		{"__complete\x00show\x00gdc:2", "", false},
		{"lineage\x00--min-run\x0020\x00--format\x00csv", "COLUMNS=40", false},
		{"help\x00nosuch", "", false},
		{"stats\x00--color\x00always", "CLICOLOR_FORCE=1\x00COLUMNS=0", true},
		// Words by number, so mutating a digit swaps one real word for another.
		{"@100\x00@101\x00@20", "", false},
		{"@110\x00@130\x00@55\x00@140", "LESS=-i", true},
		{"@120\x00@150\x00@7\x00@160\x00@30", "", false},
	}
	for _, s := range seeds {
		f.Add(s.args, s.env, s.tty)
	}
	f.Fuzz(func(t *testing.T, line, envLine string, tty bool) {
		args := fuzzArgs(line, vocab)
		env := map[string]string{}
		for _, kv := range strings.Split(envLine, "\x00") {
			if k, v, ok := strings.Cut(kv, "="); ok && contains(fuzzEnv, k) {
				env[k] = v
			}
		}
		t.Chdir(t.TempDir())
		ios, out, errOut := iostreams.Test()
		ios.IsTTY = tty
		if tty {
			ios.Height = 24
		}
		ios.SetEnv(func(k string) string { return env[k] })
		fac := &Factory{IO: ios, Version: "fuzz", Pager: PagerCommand(func(k string) (string, bool) { v, ok := env[k]; return v, ok })}
		fac.runPager = func(argv, _ []string, in []byte, stdout, _ io.Writer) error {
			if argv[0] == "fail" {
				return &exec.Error{Name: "fail", Err: exec.ErrNotFound}
			}
			_, err := stdout.Write(in)
			return err
		}
		cmd, status := execute(fac, args)
		switch {
		case status < 0 || status > 2:
			t.Fatalf("%q: exit status %d", args, status)
		case status == 2 && out.Len() > 0:
			t.Fatalf("%q: a usage error printed %d bytes to standard output", args, out.Len())
		case status != 0 && errOut.Len() == 0:
			t.Fatalf("%q: exit status %d with nothing on standard error", args, status)
		}
		if status == 0 && printedJSON(cmd) && !json.Valid(out.Bytes()) {
			t.Fatalf("%q: --format json printed invalid JSON:\n%.300s", args, out)
		}
		if leak := diagtest.Leak(errOut.String()); leak != "" {
			t.Fatalf("%q: a message speaks of Go (%s):\n%s", args, leak, errOut)
		}
	})
}

// printedJSON reports whether cmd ran a report as JSON to standard output.
func printedJSON(cmd *cobra.Command) bool {
	fl := cmd.Flags()
	format, output := fl.Lookup("format"), fl.Lookup("output")
	help, _ := fl.GetBool("help")
	version, _ := fl.GetBool("version")
	return format != nil && format.Value.String() == "json" && (output == nil || output.Value.String() == "") && !help && !version
}
