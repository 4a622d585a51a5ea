package iostreams

import "testing"

func TestColorEnabled(t *testing.T) {
	cases := []struct {
		name  string
		mode  string
		tty   bool
		env   map[string]string
		color bool
	}{
		{"tty auto", "auto", true, nil, true},
		{"pipe auto", "auto", false, nil, false},
		{"NO_COLOR on tty", "auto", true, map[string]string{"NO_COLOR": "1"}, false},
		{"CLICOLOR_FORCE on pipe", "auto", false, map[string]string{"CLICOLOR_FORCE": "1"}, true},
		{"CLICOLOR_FORCE=0", "auto", false, map[string]string{"CLICOLOR_FORCE": "0"}, false},
		{"always beats NO_COLOR", "always", false, map[string]string{"NO_COLOR": "1"}, true},
		{"never beats tty", "never", true, nil, false},
	}
	for _, c := range cases {
		s, _, _ := Test()
		s.ColorMode, s.IsTTY = c.mode, c.tty
		s.SetEnv(func(k string) string { return c.env[k] })
		if got := s.ColorEnabled(); got != c.color {
			t.Errorf("%s: ColorEnabled = %v, want %v", c.name, got, c.color)
		}
	}
}

func TestDumbTerminalHasNoColour(t *testing.T) {
	s, _, _ := Test()
	s.IsTTY = true
	s.SetEnv(func(k string) string { return map[string]string{"TERM": "dumb"}[k] })
	if s.ColorEnabled() {
		t.Error("TERM=dumb gets colour")
	}
	s.SetEnv(func(k string) string { return map[string]string{"TERM": "dumb", "CLICOLOR_FORCE": "1"}[k] })
	if !s.ColorEnabled() {
		t.Error("CLICOLOR_FORCE does not force colour on a dumb terminal")
	}
	s.SetEnv(func(k string) string { return map[string]string{"TERM": "xterm"}[k] })
	if !s.ColorEnabled() {
		t.Error("no colour on a terminal")
	}
}
