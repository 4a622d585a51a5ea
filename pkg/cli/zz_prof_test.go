package cli

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/crosswalk-dev/crosswalk/pkg/iostreams"
)

func TestZZProf(t *testing.T) {
	args := strings.Fields(os.Getenv("ZZARGS"))
	if len(args) == 0 {
		t.Skip()
	}
	f0, _ := os.Create(os.Getenv("ZZPROF"))
	pprof.StartCPUProfile(f0)
	t0 := time.Now()
	io, _, _ := iostreams.Test()
	f := &Factory{IO: io, Lang: "both", NoPager: true}
	cmd := NewRootCmd(f)
	cmd.SetArgs(args)
	err := cmd.Execute()
	pprof.StopCPUProfile()
	t.Logf("%v %v", time.Since(t0), err)
}
