package cli

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crosswalk-dev/crosswalk/pkg/diag"
)

// Flag rules are the one place command-line values are checked. A command
// declares its rules once, after defining its flags:
//
//	validate(cmd,
//		intRange("top", 1, 100),
//		oneOf("by", "chars", "clauses"),
//		onlyWith("in-all", "side", "gdc", "both"),
//		exclusive("bom", "no-bom"),
//	)
//
// validate writes each range or list of values into the flag's help (so
// --help, the man pages and completion show it) and checks the rules
// before the command runs. A rule only looks at flags the user set:
// defaults are trusted. A broken rule is a usage error (exit 2) naming the
// flag, the value given and what is allowed; Execute adds "See 'crosswalk
// <cmd> --help'.".
//
// Every command also gets, without declaring anything: unknown flags and
// values of the wrong type explained (flagError), and no empty or
// whitespace-only argument or flag value (checkBlank).
type flagRule struct {
	flag    string   // the flag the rule is about
	others  []string // other flags it looks at
	allowed string   // what the flag accepts, in words, for help and errors ("" if the rule is about combinations)
	values  []string // fixed values, offered by shell completion
	check   func(fs *pflag.FlagSet) error
}

// allowedKey annotates a flag with what it accepts, for type errors and for
// the test that every numeric flag has a range.
const allowedKey = "crosswalk_allowed"

// validate declares rules on cmd: documented now, checked before it runs.
func validate(cmd *cobra.Command, rules ...flagRule) {
	document(cmd, cmd.Flags(), rules)
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if err := checkRules(c.Flags(), rules); err != nil {
			return err
		}
		if prev != nil {
			return prev(c, args)
		}
		return nil
	}
}

// document writes what each ruled flag accepts into its help, annotates it
// and offers fixed values to shell completion.
func document(cmd *cobra.Command, fs *pflag.FlagSet, rules []flagRule) {
	for _, r := range rules {
		for _, name := range append([]string{r.flag}, r.others...) {
			if fs.Lookup(name) == nil {
				panic(fmt.Sprintf("cli: a rule of %s names --%s, which it does not have", cmd.Name(), name))
			}
		}
		fl := fs.Lookup(r.flag)
		if _, done := fl.Value.(decimal); !done && fl.Value.Type() == "int" {
			fl.Value = decimal{fl.Value}
		}
		if r.allowed == "" {
			continue
		}
		_ = fs.SetAnnotation(r.flag, allowedKey, []string{r.allowed})
		fl.Usage += " (" + r.allowed + ")"
		if r.values != nil {
			_ = cmd.RegisterFlagCompletionFunc(r.flag, fixedCompletion(r.values...))
		}
	}
}

func checkRules(fs *pflag.FlagSet, rules []flagRule) error {
	for _, r := range rules {
		if err := r.check(fs); err != nil {
			return err
		}
	}
	return nil
}

// given returns the flag if the user gave it.
func given(fs *pflag.FlagSet, name string) *pflag.Flag {
	if fl := fs.Lookup(name); fl != nil && fl.Changed {
		return fl
	}
	return nil
}

// decimal takes whole numbers written in decimal only: pflag would read
// 012 as octal 10 and 0x10 as 16, which no user of --min-run means.
type decimal struct{ pflag.Value }

func (d decimal) Set(s string) error {
	digits := strings.TrimLeft(s, "+-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" || len(s)-len(digits) > 1 || len(digits) > 1 && digits[0] == '0' {
		return errors.New("not a decimal whole number")
	}
	return d.Value.Set(s)
}

// intRange: the flag's whole number is from min to max.
func intRange(name string, min, max int) flagRule {
	allowed := fmt.Sprintf("%d to %d", min, max)
	return flagRule{flag: name, allowed: allowed, check: func(fs *pflag.FlagSet) error {
		fl := given(fs, name)
		if fl == nil {
			return nil
		}
		n, err := strconv.Atoi(fl.Value.String())
		if err != nil || n < min || n > max {
			return usageErrorf("--%s must be %s, not %s", name, allowed, fl.Value)
		}
		return nil
	}}
}

// durationRange: the flag's duration is from min to max.
func durationRange(name string, min, max time.Duration) flagRule {
	allowed := fmt.Sprintf("a duration from %s to %s, such as 500ms, 2s or 1m", shortDuration(min), shortDuration(max))
	return flagRule{flag: name, allowed: allowed, check: func(fs *pflag.FlagSet) error {
		fl := given(fs, name)
		if fl == nil {
			return nil
		}
		d, err := time.ParseDuration(fl.Value.String())
		if err != nil || d < min || d > max {
			return usageErrorf("--%s must be %s, not %s", name, allowed, shortDuration(d))
		}
		return nil
	}}
}

// shortDuration writes 5m rather than time's 5m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// oneOf: the flag's value (each value, for a repeatable flag) is one of
// values.
func oneOf(name string, values ...string) flagRule {
	allowed := "one of " + strings.Join(values, ", ")
	return flagRule{flag: name, allowed: allowed, values: values, check: func(fs *pflag.FlagSet) error {
		fl := given(fs, name)
		if fl == nil {
			return nil
		}
		for _, v := range flagValues(fl) {
			if !contains(values, v) {
				return notOneOf(name, v, values)
			}
		}
		return nil
	}}
}

// notOneOf is the error for a value outside a fixed list.
func notOneOf(name, value string, values []string) error {
	if len(values) == 1 {
		return usageErrorf("--%s must be %s, not %q", name, values[0], value)
	}
	return usageErrorf("--%s must be one of %s, not %q%s", name, strings.Join(values, ", "), value, diag.DidYouMean(value, values))
}

// onlyWith: the flag applies only when flag other has one of values (a
// boolean other: only when it is set).
func onlyWith(name, other string, values ...string) flagRule {
	return flagRule{flag: name, others: []string{other}, check: func(fs *pflag.FlagSet) error {
		if given(fs, name) == nil {
			return nil
		}
		ol := fs.Lookup(other)
		if contains(values, ol.Value.String()) {
			return nil
		}
		if ol.Value.Type() == "bool" {
			return usageErrorf("--%s applies only with --%s", name, other)
		}
		return usageErrorf("--%s applies only with --%s %s, not --%s %s", name, other, orList(values), other, ol.Value)
	}}
}

// exclusive: the two flags cannot both be given.
func exclusive(a, b string) flagRule {
	return flagRule{flag: a, others: []string{b}, check: func(fs *pflag.FlagSet) error {
		if given(fs, a) != nil && given(fs, b) != nil {
			return usageErrorf("--%s and --%s cannot be used together; give one of them", a, b)
		}
		return nil
	}}
}

func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// flagValues are the values of a flag: one, or each of a repeatable flag's.
func flagValues(fl *pflag.Flag) []string {
	if sv, ok := fl.Value.(pflag.SliceValue); ok {
		return sv.GetSlice()
	}
	return []string{fl.Value.String()}
}

// checkBlank refuses empty or whitespace-only arguments and flag values:
// they are slips (an unset shell variable, a stray quote), never a request.
func checkBlank(cmd *cobra.Command, args []string) error {
	for i, a := range args {
		if strings.TrimSpace(a) == "" {
			return usageErrorf("argument %d is empty%s; give a value or leave it out", i+1, spaces(a))
		}
	}
	var err error
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if err != nil || fl.Value.Type() == "bool" {
			return
		}
		vals := flagValues(fl)
		if len(vals) == 0 {
			err = usageErrorf("--%s is given an empty value; give a value or leave the flag out", fl.Name)
		}
		for _, v := range vals {
			if strings.TrimSpace(v) == "" && err == nil {
				err = usageErrorf("--%s is given an empty value%s; give a value or leave the flag out", fl.Name, spaces(v))
			}
		}
	})
	return err
}

func spaces(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" (%q)", s)
}

// flagError explains a flag the parser refused, in the user's words: which
// flag, what was given and what it accepts.
func flagError(cmd *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" && short != notExist.GetSpecifiedName() {
			return usageErrorf("unknown flag -%s in -%s", notExist.GetSpecifiedName(), short)
		}
		name := notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			return usageErrorf("unknown flag -%s", name)
		}
		return usageErrorf("unknown flag --%s%s", name, didYouMeanFlag(cmd, name))
	case errors.As(err, &noValue):
		fl := noValue.GetFlag()
		return usageErrorf("--%s needs a value: %s", fl.Name, accepts(fl))
	case errors.As(err, &invalid):
		fl := invalid.GetFlag()
		return usageErrorf("--%s must be %s, not %q", fl.Name, accepts(fl), invalid.GetValue())
	case errors.As(err, &syntax):
		return usageErrorf("%q is not a flag: flags are -x or --name", syntax.GetSpecifiedFlag())
	}
	return &UsageError{Err: err}
}

// accepts says what a flag takes: its rule's words, else its type's.
func accepts(fl *pflag.Flag) string {
	if a := fl.Annotations[allowedKey]; len(a) > 0 {
		if fl.Value.Type() == "int" {
			return "a whole number from " + a[0]
		}
		return a[0]
	}
	switch fl.Value.Type() {
	case "int":
		return "a whole number"
	case "duration":
		return "a duration such as 500ms, 2s or 1m"
	case "bool":
		return "true or false"
	case "stringSlice":
		return "values separated by commas, or the flag repeated"
	}
	return "a value"
}

// didYouMeanFlag suggests the nearest flag name of cmd.
func didYouMeanFlag(cmd *cobra.Command, name string) string {
	var names []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			names = append(names, fl.Name)
		}
	})
	sort.Strings(names)
	if n := diag.Nearest(name, names); n != "" {
		return fmt.Sprintf(" (did you mean --%s?)", n)
	}
	return ""
}
