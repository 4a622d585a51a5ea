//go:build unix

package cleanup

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestInterruptRemovesTrackedFiles runs this test binary as a child that
// tracks a file and interrupts itself: the file is gone and the child died
// of the signal.
func TestInterruptRemovesTrackedFiles(t *testing.T) {
	if name := os.Getenv("CLEANUP_CHILD_FILE"); name != "" {
		if err := os.WriteFile(name, []byte("partial"), 0o600); err != nil {
			os.Exit(3)
		}
		Track(name)
		_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
		select {} // the handler ends the process
	}
	name := filepath.Join(t.TempDir(), ".out.crosswalk-tmp-1")
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesTrackedFiles$")
	cmd.Env = append(os.Environ(), "CLEANUP_CHILD_FILE="+name)
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the child did not die of the interrupt: %v", err)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("the child ended with %v, want killed by SIGINT", err)
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary file is still there after the interrupt: %v", err)
	}
}

func TestDoneForgetsTheFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "kept")
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	Track(name)()
	RemoveAll()
	if _, err := os.Stat(name); err != nil {
		t.Errorf("a file no longer tracked was removed: %v", err)
	}
}
