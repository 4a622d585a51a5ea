//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDataFolderWithANamedPipe: a FIFO named like a data file used to hang
// the process for ever; it is refused by name, with exit status 1.
func TestDataFolderWithANamedPipe(t *testing.T) {
	for _, c := range []struct {
		file string
		args []string
		want string
	}{
		{"documents/x.yaml", []string{"validate"}, "documents/x.yaml: cannot read: it is a named pipe (FIFO), not a regular file"},
		{"documents/x.yaml", []string{"compare"}, "documents/x.yaml: cannot read: it is a named pipe (FIFO), not a regular file"},
		{"mappings/themes.yaml", []string{"docs"}, "mappings/themes.yaml: cannot read: it is a named pipe (FIFO), not a regular file"},
		{"mappings/audit-exceptions.yaml", []string{"audit"}, "mappings/audit-exceptions.yaml: cannot read: it is a named pipe (FIFO), not a regular file"},
	} {
		t.Run(c.file+" "+c.args[0], func(t *testing.T) {
			dir := copyData(t)
			path := filepath.Join(dir, c.file)
			_ = os.Remove(path)
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			done := make(chan exitResult, 1)
			go func() { done <- execArgs(t, testFactory(), append([]string{"--data", dir}, c.args...)...) }()
			select {
			case r := <-done:
				if r.status != 1 || !strings.Contains(r.errOut, c.want) || r.out != "" {
					t.Errorf("status %d, stdout %d bytes, stderr:\n%s", r.status, len(r.out), r.errOut)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("crosswalk blocks on a named pipe")
			}
		})
	}
}
