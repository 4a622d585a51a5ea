package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/crosswalk-dev/crosswalk/pkg/report"
)

// TestReportsFitTheMinimumWidth: on the narrowest terminal every report's
// lines fit report.MinWidth, the width README promises at the least.
func TestReportsFitTheMinimumWidth(t *testing.T) {
	for _, args := range append(reports, []string{"audit", "--warn"}, []string{"agree", "--with", "../../mappings/agreement-round3"}) {
		r := run(t, 1, false, args...)
		if r.err != nil {
			t.Fatalf("%v: %v", args, r.err)
		}
		for _, line := range strings.Split(r.out, "\n") {
			if w := lipgloss.Width(line); w > report.MinWidth {
				t.Errorf("%v at %d columns: a line of %d: %q", args, report.MinWidth, w, line)
				break
			}
		}
	}
}

// TestNumberFlagsAreDecimal: 012 is not octal 10, 0x10 is not 16; both are
// usage errors that say what is allowed.
func TestNumberFlagsAreDecimal(t *testing.T) {
	for _, v := range []string{"012", "0x10", "1e3", "0b11", "1_0", "--5"} {
		r := execArgs(t, testFactory(), "lineage", "--min-run", v)
		if r.status != 2 || !strings.Contains(r.errOut, "--min-run must be a whole number from") || r.out != "" {
			t.Errorf("--min-run %s: status %d, stderr %q", v, r.status, r.errOut)
		}
	}
	if r := execArgs(t, testFactory(), "lineage", "--min-run", "12", "--format", "json"); r.status != 0 {
		t.Errorf("--min-run 12: status %d, %s", r.status, r.errOut)
	}
}

// failingWriter is standard output on a full disk or a closed pipe.
type failingWriter struct{ bytes.Buffer }

func (*failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestFailedStdoutWriteExitsNonZero: output that cannot be written is an
// error with exit status 1, for every report and format.
func TestFailedStdoutWriteExitsNonZero(t *testing.T) {
	for _, args := range append(reports, []string{"export", "--format", "json"}, []string{"version"}, []string{"validate"}) {
		f := testFactory()
		f.IO.Out = &failingWriter{}
		if r := execArgs(t, f, args...); r.status != 1 || !strings.Contains(r.errOut, "no space left on device") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
	}
}

// TestOutputNeverOverwritesDataInputs: -o into the --data folders is
// refused and the input is left as it was.
func TestOutputNeverOverwritesDataInputs(t *testing.T) {
	dir := copyData(t)
	input := filepath.Join(dir, "mappings", "cn-speech-2014.yaml")
	before, err := os.ReadFile(input)
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{input, filepath.Join(dir, "documents", "report.json")} {
		r := execArgs(t, testFactory(), "--data", dir, "export", "--format", "json", "-o", target)
		if r.status != 1 || !strings.Contains(r.errOut, "which --data reads") {
			t.Errorf("-o %s: status %d, stderr %q", target, r.status, r.errOut)
		}
	}
	if after, _ := os.ReadFile(input); !bytes.Equal(after, before) {
		t.Error("a --data input was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "documents", "report.json")); err == nil {
		t.Error("a report was written into the documents folder")
	}
	// Beside the inputs is fine.
	if r := execArgs(t, testFactory(), "--data", dir, "export", "--format", "json", "-o", filepath.Join(dir, "all.json")); r.status != 0 {
		t.Errorf("-o beside the data folders: status %d, %s", r.status, r.errOut)
	}
}

// FuzzCacheEntry damages the --data cache file (a byte changed, or the
// file cut short) and checks that the export is exactly what a run
// without the cache writes, with exit status 0: a cache may only save
// time. CI runs it with the other fuzz targets.
func FuzzCacheEntry(f *testing.F) {
	dir, err := filepath.Abs(fixture)
	if err != nil {
		f.Fatal(err)
	}
	prev := os.Getenv("CROSSWALK_CACHE")
	defer os.Setenv("CROSSWALK_CACHE", prev)
	os.Setenv("CROSSWALK_CACHE", "off")
	export := func(t testing.TB) string {
		r := execArgs(t.(*testing.T), testFactory(), "--data", dir, "export", "--format", "json")
		if r.status != 0 {
			t.Fatalf("status %d: %s", r.status, r.errOut)
		}
		return r.out
	}
	var want string
	f.Add(uint32(0), byte(1), uint32(0))
	f.Add(uint32(100), byte(0x20), uint32(0))
	f.Add(uint32(5000), byte(0xff), uint32(0))
	f.Add(uint32(0), byte(0), uint32(2000))
	cache := f.TempDir()
	var good []byte
	f.Fuzz(func(t *testing.T, at uint32, xor byte, cut uint32) {
		if want == "" {
			os.Setenv("CROSSWALK_CACHE", "off")
			want = export(t)
			os.Setenv("CROSSWALK_CACHE", cache)
			export(t) // writes the cache
			names, _ := filepath.Glob(filepath.Join(cache, "data-*.cache"))
			if len(names) != 1 {
				t.Fatalf("cache files: %v", names)
			}
			if good, err = os.ReadFile(names[0]); err != nil {
				t.Fatal(err)
			}
		}
		os.Setenv("CROSSWALK_CACHE", cache)
		names, _ := filepath.Glob(filepath.Join(cache, "data-*.cache"))
		bad := bytes.Clone(good)
		if xor == 0 {
			xor = 1
		}
		bad[int(at)%len(bad)] ^= xor
		if cut > 0 {
			bad = bad[:len(bad)-int(cut)%len(bad)]
		}
		if err := os.WriteFile(names[0], bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := export(t); got != want {
			t.Fatalf("a damaged cache (byte %d ^ %#x, cut %d) changed the export", int(at)%len(good), xor, cut)
		}
	})
}
