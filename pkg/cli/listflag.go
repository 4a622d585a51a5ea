package cli

import (
	"strings"

	"github.com/spf13/pflag"
)

// listValue is a repeatable, comma-separated string flag. pflag's own
// StringSlice formats its default through encoding/csv when the flag is
// defined, a 4 KB buffer per flag on every run of every command; this
// one costs nothing until it is set.
type listValue struct {
	p   *[]string
	set bool
}

func (v *listValue) Set(s string) error {
	if !v.set {
		*v.p, v.set = nil, true // the first use replaces the default
	}
	for _, x := range strings.Split(s, ",") {
		*v.p = append(*v.p, strings.TrimSpace(x))
	}
	return nil
}

func (v *listValue) String() string { return strings.Join(*v.p, ",") }

// Type is pflag's name for string slices, which help and validation know.
func (v *listValue) Type() string { return "stringSlice" }

// GetSlice, Append and Replace make it a pflag.SliceValue.
func (v *listValue) GetSlice() []string { return *v.p }

func (v *listValue) Append(s string) error {
	*v.p = append(*v.p, s)
	return nil
}

func (v *listValue) Replace(s []string) error {
	*v.p = append([]string(nil), s...)
	return nil
}

// listVar defines a repeatable list flag.
func listVar(fl *pflag.FlagSet, p *[]string, name, usage string) {
	fl.Var(&listValue{p: p}, name, usage)
}
