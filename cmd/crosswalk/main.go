// Command crosswalk compares the Global Digital Compact with Chinese policy
// texts clause by clause.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/crosswalk-dev/crosswalk/pkg/cli"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	os.Exit(run())
}

func run() int {
	io := iostreams.System()
	f := &cli.Factory{IO: io, Version: buildVersion(), Pager: pager()}
	err := cli.NewRootCmd(f).Execute()
	switch {
	case err == nil:
		return 0
	case cli.ErrSilent(err):
		return 1
	case cli.IsUsage(err):
		fmt.Fprintf(io.ErrOut, "crosswalk: %v\nRun 'crosswalk --help' for usage.\n", err)
		return 2
	default:
		fmt.Fprintf(io.ErrOut, "crosswalk: %v\n", err)
		return 1
	}
}

// pager is $CROSSWALK_PAGER, else $PAGER, else less.
func pager() string {
	for _, k := range []string{"CROSSWALK_PAGER", "PAGER"} {
		if v, ok := os.LookupEnv(k); ok {
			return v
		}
	}
	return "less"
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
