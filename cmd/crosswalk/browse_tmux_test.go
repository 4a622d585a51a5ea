package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
)

// TestBrowseInTmux drives the real binary in tmux as a user would: keys
// sent, the pane captured. On every capture no line is wider than the pane
// and no line (nor a column of the matrix or the pair) starts with closing
// CJK punctuation. tmux is required when CROSSWALK_REQUIRE_TMUX is set
// (.ci/run sets it); elsewhere the test skips without it.
func TestBrowseInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CROSSWALK_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is required (CROSSWALK_REQUIRE_TMUX is set)")
		}
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "crosswalk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tm := &tmux{t: t, dir: dir, exit: filepath.Join(dir, "exit")}
	t.Cleanup(tm.stop)

	t.Run("80x24", func(t *testing.T) {
		tm.t = t
		tm.start(bin, 80, 24)
		tm.waitFor("1/152 gdc:1 ")
		tm.keys("j", "j", "k", "Down", "Up", "Down")
		tm.waitFor("3/152 gdc:3 ")
		tm.keys("/")
		tm.typeText("关闭互联网")
		tm.keys("Enter")
		tm.waitFor("gdc:29(d) · enter")
		tm.keys("Right", "l", "l", "l")
		tm.waitFor("gdc:29(d) × cn-position-2024: notable silence")
		row := tm.lineWith("▸·!")
		tm.keys("Enter")
		tm.waitFor("notable silence in cn-position-2024")
		tm.waitFor("Note ")
		tm.keys("Escape")
		tm.waitFor("gdc:29(d) × cn-position-2024: notable silence")
		if got := tm.lineWith("▸·!"); got != row {
			t.Errorf("Esc should return to the same row on the same line: line %d, was %d", got, row)
		}
		tm.keys("q")
		if status := tm.exitStatus(); status != "0" {
			t.Errorf("q: exit status %s, want 0", status)
		}
	})
	t.Run("120x40", func(t *testing.T) {
		tm.t = t
		tm.start(bin, 120, 40)
		tm.waitFor("1/152 gdc:1 ")
		tm.keys("/")
		tm.typeText("关闭互联网")
		tm.keys("Enter", "l", "l", "l", "Enter")
		tm.waitFor("cn-whitepaper-2022:4.5.1")
		pane := tm.capture()
		if !strings.Contains(pane, "commitment") || tm.lineWith("cn-whitepaper-2022:4.5.1") != tm.lineWith("gdc:29(d)  commitment") {
			t.Errorf("at 120 columns the pair should be side by side:\n%s", pane)
		}
		tm.keys("q")
		if status := tm.exitStatus(); status != "0" {
			t.Errorf("q: exit status %s, want 0", status)
		}
	})
	t.Run("not a terminal", func(t *testing.T) {
		cmd := exec.Command(bin, "browse", "--objective", "3")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 {
			t.Fatalf("browse with a pipe for stdout: %v, want exit status 2", err)
		}
		if !strings.Contains(stderr.String(), "crosswalk compare --objective 3") || stdout.Len() != 0 {
			t.Errorf("the refusal should name the report command and print nothing on stdout:\n%s", stderr.String())
		}
	})
}

type tmux struct {
	t                 *testing.T
	dir, socket, exit string
	w                 int
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-u", "-S", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmux) start(bin string, w, h int) {
	tm.t.Helper()
	tm.w = w
	_ = os.Remove(tm.exit)
	// A server of its own per session: a new one on the socket of a server
	// still shutting down can exit at once ("server exited unexpectedly").
	tm.stop()
	tm.socket = filepath.Join(tm.dir, "tmux-"+itoa(w)+"x"+itoa(h)+".sock")
	script := bin + " browse; echo $? > " + tm.exit + "; sleep 30"
	tm.run("new-session", "-d", "-x", itoa(w), "-y", itoa(h), "-e", "LANG=C.UTF-8", "sh", "-c", script)
}

func (tm *tmux) stop() {
	if tm.socket != "" {
		_ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run()
	}
}

func (tm *tmux) keys(k ...string) {
	tm.t.Helper()
	for _, key := range k {
		tm.run("send-keys", key)
	}
}

// typeText sends text literally (a key name would be looked up otherwise).
func (tm *tmux) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-l", s)
}

// capture is the pane's text, checked against the layout rules.
func (tm *tmux) capture() string {
	tm.t.Helper()
	pane := tm.run("capture-pane", "-p")
	for i, l := range strings.Split(strings.TrimRight(pane, "\n"), "\n") {
		if w := lipgloss.Width(l); w > tm.w {
			tm.t.Errorf("line %d is %d wide in a %d-column pane: %q", i+1, w, tm.w, l)
		}
		for _, col := range strings.Split(l, "│") {
			c := strings.TrimLeft(col, " ▸")
			if c != "" && strings.ContainsRune("、。，,；;：:）)」》”！？", []rune(c)[0]) {
				tm.t.Errorf("line %d: a line or column starts with closing punctuation: %q", i+1, l)
			}
		}
	}
	return pane
}

// waitFor captures the pane until it shows s; the deadline is generous,
// for a loaded machine, and only guards against a hang.
func (tm *tmux) waitFor(s string) {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		pane := tm.capture()
		if strings.Contains(pane, s) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the pane never showed %q:\n%s", s, pane)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lineWith is the number of the first pane line holding s (-1 if none).
func (tm *tmux) lineWith(s string) int {
	for i, l := range strings.Split(tm.capture(), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func (tm *tmux) exitStatus() string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(tm.exit); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatal("browse did not exit")
	return ""
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
