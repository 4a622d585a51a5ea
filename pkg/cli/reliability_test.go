package cli

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

type exitResult struct {
	status      int
	out, errOut string
}

// exec runs the command line as main does: through Execute, with its exit
// status and everything it prints.
func execArgs(t *testing.T, f *Factory, args ...string) exitResult {
	t.Helper()
	out, errOut := f.IO.Out.(interface{ String() string }), f.IO.ErrOut.(interface{ String() string })
	status := Execute(f, args)
	heard(t, args, errOut.String())
	return exitResult{status, out.String(), errOut.String()}
}

func testFactory() *Factory {
	io, _, _ := iostreams.Test()
	return &Factory{IO: io, Version: "test"}
}

// TestExitStatus covers each documented exit path: 0 success (an empty
// report too), 1 error, 2 usage error. A usage error prints nothing on
// standard output, names the flag or argument, the value and what is
// allowed, and ends by pointing at the command's help.
func TestExitStatus(t *testing.T) {
	auditData, err := filepath.Abs(filepath.Join("..", "..", "testdata", "audit"))
	if err != nil {
		t.Fatal(err)
	}
	broken := copyData(t)
	edit(t, filepath.Join(broken, "documents/cn-africa-2021.yaml"), "issuer: ", "issuer: [a, b]\nx: ")
	cases := []struct {
		args   []string
		status int
		want   []string // in standard error, in this order
	}{
		{[]string{}, 0, nil},
		{[]string{"docs"}, 0, nil},
		{[]string{"--version"}, 0, nil},
		{[]string{"help", "compare"}, 0, nil},
		{[]string{"completion", "bash"}, 0, nil},
		{[]string{"lineage", "--min-run", "1000"}, 0, nil}, // no rows is not an error
		{[]string{"show", "99"}, 1, []string{`unknown clause "gdc:99"`}},
		{[]string{"validate", "--data", broken}, 1, []string{"cn-africa-2021.yaml:6: issuer: expected text, found a list"}},
		{[]string{"docs", "--data", t.TempDir()}, 1, []string{"must contain the folders documents/ and mappings/"}},
		{[]string{"audit", "--data", auditData}, 1, []string{"open finding"}},
		{[]string{"nosuch"}, 2, []string{`unknown command "nosuch"`, "See 'crosswalk --help'."}},
		{[]string{"compar"}, 2, []string{`unknown command "compar" (did you mean "compare"?)`}},
		{[]string{"help", "nosuch"}, 2, []string{`unknown command "nosuch"`, "See 'crosswalk --help'."}},
		{[]string{"completion", "tcsh"}, 2, []string{`unknown shell "tcsh"`, "bash, zsh, fish or powershell", "See 'crosswalk completion --help'."}},
		{[]string{"completion"}, 2, []string{"crosswalk completion takes <shell>; got 0 arguments"}},
		{[]string{"show"}, 2, []string{"crosswalk show takes <clause-id>|<document>; got 0 arguments", "See 'crosswalk show --help'."}},
		{[]string{"docs", "extra"}, 2, []string{`takes no arguments, got "extra"`}},
		{[]string{"emphasis", "--top", "-1"}, 2, []string{"--top must be 1 to 100, not -1", "See 'crosswalk emphasis --help'."}},
		{[]string{"terms", "--top", "-5"}, 2, []string{"--top must be 1 to 1000, not -5", "See 'crosswalk terms --help'."}},
		{[]string{"terms", "数字鸿沟", "--top", "5"}, 2, []string{"--top applies only without terms"}},
		{[]string{"terms", "--context", "3"}, 2, []string{"--context applies only with --kwic"}},
		{[]string{"terms", "网络", "--kwic", "--context", "201"}, 2, []string{"--context must be 0 to 200, not 201"}},
		{[]string{"terms", ""}, 2, []string{"argument 1 is empty", "See 'crosswalk terms --help'."}},
		{[]string{"terms", "数字", " "}, 2, []string{`argument 2 is empty (" ")`}},
		{[]string{"show", "\t"}, 2, []string{"argument 1 is empty"}},
		{[]string{"suggest", "27", "--top", "0"}, 2, []string{"--top must be 1 to 100, not 0"}},
		{[]string{"suggest", "--evaluate", "--against", "cn-africa-2021"}, 2, []string{"--evaluate and --against cannot be used together"}},
		{[]string{"gaps", "--side", "cn", "--in-all"}, 2, []string{"--in-all applies only with --side gdc or both, not --side cn"}},
		{[]string{"gaps", "--side", "gdcs"}, 2, []string{`--side must be one of both, gdc, cn, not "gdcs" (did you mean "gdc"?)`}},
		{[]string{"compare", "--objective", "x"}, 2, []string{`--objective must be a whole number from 1 to 5, not "x"`, "See 'crosswalk compare --help'."}},
		{[]string{"compare", "--objective", "0"}, 2, []string{"--objective must be 1 to 5, not 0"}},
		{[]string{"compare", "--objective", "99999999999999999999"}, 2, []string{`--objective must be a whole number from 1 to 5, not "99999999999999999999"`}},
		{[]string{"compare", "--stance", "aligned,algned"}, 2, []string{`--stance must be one of aligned, partial, divergent, silent, not-reviewed, not "algned" (did you mean "aligned"?)`}},
		{[]string{"compare", "--kind", "proposl"}, 2, []string{`--kind must be one of`, `not "proposl" (did you mean "proposal"?)`}},
		{[]string{"lineage", "--doc", "nope"}, 2, []string{`--doc must be one of gdc, cn-speech-2014,`, `not "nope"`}},
		{[]string{"suggest", "27", "--against", "cn-postion-2024"}, 2, []string{`--against must be one of`, `not "cn-postion-2024" (did you mean "cn-position-2024"?)`}},
		{[]string{"compare", "--theme", "conectivity"}, 2, []string{`unknown --theme "conectivity" (did you mean "connectivity"?)`, "see 'crosswalk themes'"}},
		{[]string{"export", "--format", "csv"}, 2, []string{`--format must be one of json, oscal, xlsx, not "csv"`}},
		{[]string{"compare", "--against", ""}, 2, []string{"--against is given an empty value"}},
		{[]string{"compare", "--theme", "a,,b"}, 2, []string{"--theme is given an empty value"}},
		{[]string{"--data", " ", "docs"}, 2, []string{`--data is given an empty value (" ")`}},
		{[]string{"emphasis", "--by", "words"}, 2, []string{`--by must be one of chars, clauses, not "words"`}},
		{[]string{"diff", "27", "28", "--timeout", "-1s"}, 2, []string{"--timeout must be a duration from 1ns to 5m, such as 500ms, 2s or 1m, not -1s"}},
		{[]string{"diff", "27", "28", "--timeout", "soon"}, 2, []string{`--timeout must be a duration from 1ns to 5m, such as 500ms, 2s or 1m, not "soon"`}},
		{[]string{"diff", "27", "28", "--min-run", "0"}, 2, []string{"--min-run must be 1 to 1000, not 0"}},
		{[]string{"lineage", "--min-run", "2"}, 2, []string{"--min-run must be 4 to 1000, not 2"}},
		{[]string{"audit", "--min-formula", "0"}, 2, []string{"--min-formula must be 1 to 1000, not 0"}},
		{[]string{"docs", "--formt"}, 2, []string{"unknown flag --formt (did you mean --format?)", "See 'crosswalk docs --help'."}},
		{[]string{"show", "27", "-x"}, 2, []string{"unknown flag -x"}},
		{[]string{"docs", "--format"}, 2, []string{"--format needs a value: one of table, md, csv, json"}},
		{[]string{"docs", "--format", "xml"}, 2, []string{`--format must be one of table, md, csv, json, xlsx, not "xml"`}},
		{[]string{"docs", "--format", "json", "--no-bom"}, 2, []string{"--no-bom applies only to --format csv, not --format json"}},
		{[]string{"docs", "--ascii", "-o", "d.md"}, 2, []string{"--ascii applies only to --format table, not --format md"}},
		{[]string{"compare", "--wide"}, 2, []string{"--wide applies only to --format csv or xlsx, not --format table"}},
		{[]string{"docs", "--bom", "--no-bom", "--format", "csv"}, 2, []string{"--bom and --no-bom cannot be used together"}},
		{[]string{"docs", "--bom=maybe"}, 2, []string{`--bom must be true or false, not "maybe"`}},
		{[]string{"docs", "-o", "json"}, 2, []string{"-o json would write a file named"}},
		{[]string{"show", "27", "-o", "x.csv"}, 2, []string{"-o x.csv asks for csv by its extension, which this command does not write; it writes table, md or json"}},
		{[]string{"docs", "--lang", "fr"}, 2, []string{`--lang must be one of zh, en, both, not "fr"`}},
		{[]string{"docs", "--color", "sometimes"}, 2, []string{`--color must be one of auto, always, never, not "sometimes"`}},
		{[]string{"manual"}, 2, []string{"--dir is required"}},
		{[]string{"manual", "--dir", "x", "--format", "html"}, 2, []string{`--format must be one of man, md, not "html"`}},
	}
	t.Chdir(t.TempDir()) // manual and -o write here
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			r := execArgs(t, testFactory(), c.args...)
			if r.status != c.status {
				t.Fatalf("exit status %d, want %d\nstderr: %s", r.status, c.status, r.errOut)
			}
			rest := r.errOut
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("standard error lacks %q (in order):\n%s", w, r.errOut)
				}
				rest = rest[i+len(w):]
			}
			switch c.status {
			case 0:
				if r.errOut != "" {
					t.Errorf("success printed to standard error: %s", r.errOut)
				}
			case 2:
				if r.out != "" {
					t.Errorf("a usage error printed to standard output: %.200s", r.out)
				}
				if !regexp.MustCompile(`\nSee 'crosswalk( [a-z]+)? --help'\.\n$`).MatchString(r.errOut) {
					t.Errorf("a usage error must end by pointing at the command's help:\n%s", r.errOut)
				}
				if strings.Count(r.errOut, "crosswalk: ") != 1 {
					t.Errorf("the error must be printed once:\n%s", r.errOut)
				}
			}
		})
	}
}

// TestEveryNumericFlagHasARange walks the whole command tree: every number
// or duration flag has a range rule, shown in its help, and every rule's
// flag exists (validate panics otherwise).
func TestEveryNumericFlagHasARange(t *testing.T) {
	root := NewRootCmd(testFactory())
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			switch fl.Value.Type() {
			case "int", "int64", "uint", "float64", "duration":
				allowed := fl.Annotations[allowedKey]
				if len(allowed) == 0 {
					t.Errorf("%s --%s has no range: declare one with validate(cmd, intRange(...))", c.CommandPath(), fl.Name)
				} else if !strings.Contains(fl.Usage, allowed[0]) {
					t.Errorf("%s --%s: the help %q does not show the range %q", c.CommandPath(), fl.Name, fl.Usage, allowed[0])
				}
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// TestFlagRulesDefaultsPass: the defaults of every flag satisfy the rules,
// so a command run without flags never trips its own check.
func TestFlagRulesDefaultsPass(t *testing.T) {
	for _, r := range []flagRule{intRange("n", 1, 5), durationRange("d", time.Second, time.Minute), oneOf("s", "a", "b"), onlyWith("n", "s", "a"), exclusive("n", "d")} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.Int("n", 3, "")
		fs.Duration("d", 2*time.Second, "")
		fs.String("s", "b", "")
		if err := r.check(fs); err != nil {
			t.Errorf("rule on --%s refuses the defaults: %v", r.flag, err)
		}
	}
}

// fakePager records what the pager would have been given.
type fakePager struct {
	argv, env []string
	in        string
	err       error
}

func (p *fakePager) run(argv, env []string, in []byte, stdout, _ io.Writer) error {
	p.argv, p.env, p.in = argv, env, string(in)
	if p.err != nil {
		return p.err
	}
	_, err := stdout.Write(in)
	return err
}

func pagedFactory(pager string, env map[string]string) (*Factory, *fakePager) {
	f := testFactory()
	f.IO.IsTTY, f.IO.Height = true, 10
	f.IO.SetEnv(func(k string) string { return env[k] })
	f.Pager = pager
	p := &fakePager{}
	f.runPager = p.run
	return f, p
}

func TestPager(t *testing.T) {
	t.Run("blank PAGER falls back to plain output", func(t *testing.T) {
		for _, pager := range []string{" ", "\t", "''"} {
			f, p := pagedFactory(pager, nil)
			r := execArgs(t, f, "compare")
			if r.status != 0 || p.argv != nil || !strings.Contains(r.out, "Alignment matrix") {
				t.Errorf("PAGER=%q: status %d, pager %q, %d bytes out", pager, r.status, p.argv, len(r.out))
			}
		}
	})
	t.Run("quoting is parsed like a shell's", func(t *testing.T) {
		f, p := pagedFactory(`'/opt/my pager/less' -x4 "a \"b\"" c\ d`, nil)
		execArgs(t, f, "compare")
		if want := []string{"/opt/my pager/less", "-x4", `a "b"`, "c d"}; strings.Join(p.argv, "|") != strings.Join(want, "|") {
			t.Errorf("argv %q, want %q", p.argv, want)
		}
	})
	t.Run("a pager that cannot be parsed or started", func(t *testing.T) {
		f, p := pagedFactory(`less "unclosed`, nil)
		r := execArgs(t, f, "compare")
		if r.status != 0 || p.argv != nil || !strings.Contains(r.out, "Alignment matrix") || !strings.Contains(r.errOut, "double quote is not closed") {
			t.Errorf("status %d, pager %q, stderr %q", r.status, p.argv, r.errOut)
		}
		f, p = pagedFactory("nosuchpager", nil)
		p.err = &exec.Error{Name: "nosuchpager", Err: exec.ErrNotFound}
		r = execArgs(t, f, "compare")
		if r.status != 0 || !strings.Contains(r.out, "Alignment matrix") || !strings.Contains(r.errOut, `cannot start the pager "nosuchpager"`) {
			t.Errorf("status %d, stderr %q", r.status, r.errOut)
		}
	})
	t.Run("less keeps colour only with -R", func(t *testing.T) {
		cases := []struct {
			pager, less string
			color       bool
		}{
			{"less", "", true},         // crosswalk sets LESS=FRX
			{"less", "-i", false},      // the case
			{"less", "-iM -x4", false}, // options with values
			{"less", "-iR", true},
			{"less", "--RAW-CONTROL-CHARS", true},
			{"less -R", "-i", true},
			{"/usr/bin/less -r", "", true},
			{"more", "-i", true},
		}
		for _, c := range cases {
			f, p := pagedFactory(c.pager, map[string]string{"LESS": c.less})
			execArgs(t, f, "show", "27", "--color", "always")
			if got := strings.Contains(p.in, "\x1b["); got != c.color {
				t.Errorf("pager %q with LESS=%q: colour %v, want %v", c.pager, c.less, got, c.color)
			}
			if c.less == "" && !contains(p.env, "LESS=FRX") {
				t.Errorf("pager %q: LESS=FRX not set", c.pager)
			}
		}
	})
	t.Run("PAGER and CROSSWALK_PAGER", func(t *testing.T) {
		env := func(m map[string]string) func(string) (string, bool) {
			return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
		}
		for _, c := range []struct {
			env  map[string]string
			want string
		}{
			{nil, "less"},
			{map[string]string{"PAGER": "more"}, "more"},
			{map[string]string{"PAGER": "more", "CROSSWALK_PAGER": "most"}, "most"},
			{map[string]string{"PAGER": "more", "CROSSWALK_PAGER": ""}, ""},
		} {
			if got := PagerCommand(env(c.env)); got != c.want {
				t.Errorf("%v: pager %q, want %q", c.env, got, c.want)
			}
		}
	})
}

// TestStylesPerRun: the terminal renderer styles a run of text with one
// escape sequence, never one per character (which a less without -R shows
// as ESC[1;4;4m不ESC[0m for every character).
func TestStylesPerRun(t *testing.T) {
	r := run(t, 100, true, "show", "27")
	perChar := regexp.MustCompile(`(\x1b\[[0-9;]*m[^\x1b]\x1b\[0m){3,}`)
	if m := perChar.FindString(r.out); m != "" {
		t.Errorf("characters styled one by one: %q", m)
	}
	if !strings.Contains(r.out, "\x1b[") {
		t.Fatal("no colour at all")
	}
}

// TestOutputFileErrorsNameTheUsersFile: a failed -o names the user's file,
// never the temporary one, and leaves nothing behind.
func TestOutputFileErrorsNameTheUsersFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "docs.md")
	if err := os.Mkdir(target, 0o755); err != nil { // renaming onto a folder fails
		t.Fatal(err)
	}
	r := execArgs(t, testFactory(), "docs", "-o", target)
	if r.status != 1 || !strings.Contains(r.errOut, "cannot write "+target) || strings.Contains(r.errOut, diag.TempMarker) {
		t.Errorf("status %d, stderr %q", r.status, r.errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the failed write left files: %v", entries)
	}
}

// TestJSONReportsParse: every --format json report is valid JSON (what the
// fuzz target asserts, on the report commands' plain runs).
func TestJSONReportsParse(t *testing.T) {
	for _, args := range reports {
		r := run(t, 80, false, append(args, "--format", "json")...)
		if r.err != nil {
			if strings.Contains(r.errString(), "--format must be one of") {
				continue
			}
			t.Fatal(r.err)
		}
		if !json.Valid([]byte(r.out)) {
			t.Errorf("%v: invalid JSON", args)
		}
	}
}
