// Package iostreams bundles the standard streams with what commands need to
// know about them: whether stdout is a terminal, its width, and whether to
// use colour. Tests build one with Test() and set the fields they need.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// DefaultWidth is used when the width cannot be measured (pipes, files).
const DefaultWidth = 80

// IOStreams is the input and output of one command run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	IsTTY bool // stdout is a terminal
	// IsStdinTTY is whether standard input is a terminal (browse reads
	// keys from it).
	IsStdinTTY bool
	Width      int // columns available on stdout
	Height     int // rows of the terminal; 0 when not a terminal
	// ColorMode is auto, always or never (the --color flag).
	ColorMode string
	getenv    func(string) string
}

// System returns streams for the real process.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Width: DefaultWidth, ColorMode: "auto", getenv: os.Getenv}
	fd := int(os.Stdout.Fd())
	if term.IsTerminal(fd) {
		s.IsTTY = true
		if w, h, err := term.GetSize(fd); err == nil && w > 0 {
			s.Width, s.Height = w, h
		}
	}
	s.IsStdinTTY = term.IsTerminal(int(os.Stdin.Fd()))
	s.applyColumns()
	return s
}

// applyColumns lets COLUMNS fix the width, like most CLIs do; a value that
// is not a positive whole number is ignored.
func (s *IOStreams) applyColumns() {
	if n, err := strconv.Atoi(strings.TrimSpace(s.getenv("COLUMNS"))); err == nil && n > 0 {
		s.Width = n
	}
}

// Test returns streams backed by buffers: not a TTY, 80 columns, no colour.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: &bytes.Buffer{}, Out: out, ErrOut: errOut, Width: DefaultWidth, ColorMode: "auto", getenv: func(string) string { return "" }}, out, errOut
}

// SetEnv replaces the environment lookup (for tests), and applies COLUMNS
// from it as System does.
func (s *IOStreams) SetEnv(getenv func(string) string) {
	s.getenv = getenv
	s.applyColumns()
}

// ColorEnabled decides colour: --color always/never win; otherwise NO_COLOR
// (non-empty) turns it off, CLICOLOR_FORCE (non-empty, not "0") turns it on,
// and it is on only when stdout is a terminal that is not TERM=dumb (a
// terminal that says it cannot show escapes).
func (s *IOStreams) ColorEnabled() bool {
	switch s.ColorMode {
	case "always":
		return true
	case "never":
		return false
	}
	if s.getenv("NO_COLOR") != "" {
		return false
	}
	if v := s.getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return s.IsTTY && s.getenv("TERM") != "dumb"
}

// DarkBackground says what the environment tells of the terminal's
// background: COLORFGBG ("15;0": light text on a dark background), set by
// rxvt, Konsole, iTerm2 and others. known is false when it says nothing.
// The terminal itself is never asked: a terminal that does not answer the
// question would stall every command.
func (s *IOStreams) DarkBackground() (dark, known bool) {
	v := s.getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false, false
	}
	bg, err := strconv.Atoi(v[i+1:])
	if err != nil || bg < 0 {
		return false, false
	}
	// Colours 0-6 and 8 are dark; 7 and 9-15 light.
	return bg <= 6 || bg == 8, true
}

// Getenv reads the environment through the streams (overridable in tests).
func (s *IOStreams) Getenv(k string) string { return s.getenv(k) }

// Errorf writes a message to stderr.
func (s *IOStreams) Errorf(format string, a ...any) {
	fmt.Fprintf(s.ErrOut, format, a...)
}
