// Command crosswalk compares the Global Digital Compact with Chinese policy
// texts clause by clause.
package main

import (
	"os"
	"runtime/debug"

	"github.com/crosswalk-dev/crosswalk/pkg/cli"
	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	f := &cli.Factory{IO: iostreams.System(), Version: buildVersion(), Pager: cli.PagerCommand(os.LookupEnv)}
	os.Exit(cli.Execute(f, os.Args[1:]))
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
