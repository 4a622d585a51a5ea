// Package cleanup removes crosswalk's temporary files when the process is
// interrupted (Ctrl-C, kill), where deferred removals never run.
package cleanup

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

var (
	mu      sync.Mutex
	pending = map[string]bool{}
	start   sync.Once
)

// Track removes name if the process is interrupted before the returned
// function is called (after the file was renamed into place or removed).
func Track(name string) (done func()) {
	start.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go func() {
			sig := <-ch
			RemoveAll()
			// Die of the signal as if it had not been caught, so the
			// shell sees the usual status.
			signal.Reset(sig)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Signal(sig)
				time.Sleep(time.Second) // delivery is asynchronous
			}
			os.Exit(130)
		}()
	})
	mu.Lock()
	pending[name] = true
	mu.Unlock()
	return func() {
		mu.Lock()
		delete(pending, name)
		mu.Unlock()
	}
}

// RemoveAll removes every tracked file now.
func RemoveAll() {
	mu.Lock()
	defer mu.Unlock()
	for name := range pending {
		_ = os.Remove(name)
		delete(pending, name)
	}
}
