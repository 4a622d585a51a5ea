package cli

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/crosswalk-dev/crosswalk/pkg/diag/diagtest"
)

// messages collects every error and standard-error text the tests of this
// package produce, so TestMain can check them all for Go's words.
var messages struct {
	sync.Mutex
	seen []string
}

// heard records a message a test produced for the user.
func heard(t testing.TB, args []string, msg string) {
	t.Helper()
	if msg == "" {
		return
	}
	messages.Lock()
	defer messages.Unlock()
	messages.seen = append(messages.seen, fmt.Sprintf("%s: %q", t.Name(), args)+"\x00"+msg)
}

// TestMain fails the run if any message the tests produced names a Go
// type, strconv or reflect, a yaml.v3 tag such as !!seq or !!map, or a
// temporary file (diagtest.Leak).
//
// Checked --data folders are cached in a folder of the run's own, so every
// test that loads one twice also goes through the cache.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "crosswalk-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("CROSSWALK_CACHE", cache)
	// The user's own translations must not reach a golden file.
	os.Setenv("CROSSWALK_TRANSLATIONS", "off")
	code := m.Run()
	os.RemoveAll(cache)
	bad := 0
	for _, s := range messages.seen {
		where, msg, _ := strings.Cut(s, "\x00")
		if leak := diagtest.Leak(msg); leak != "" {
			fmt.Fprintf(os.Stderr, "FAIL: %s: the message speaks of Go (%s):\n%s\n", where, leak, msg)
			bad++
		}
	}
	if bad > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d of %d messages speak of Go\n", bad, len(messages.seen))
		code = 1
	}
	os.Exit(code)
}
