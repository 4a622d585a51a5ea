// Command pairedrun times whole processes: it runs each command line given
// as an argument, in turn, -n times (alternating, so load on the machine
// hits all alike) and prints each one's median wall time, CPU time (user +
// system) and minor page faults, and its wall time relative to the first
// two commands. Used by .ci/perf.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 20, "runs per command")
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pairedrun [-n N] 'BASELINE' 'REFERENCE' 'COMMAND'…")
		os.Exit(2)
	}
	wall := make([][]float64, len(cmds))
	cpu := make([][]float64, len(cmds))
	faults := make([][]float64, len(cmds))
	for r := 0; r < *n; r++ {
		for i, c := range cmds {
			f := strings.Fields(c)
			cmd := exec.Command(f[0], f[1:]...)
			t0 := time.Now()
			if err := cmd.Run(); err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", c, err)
				os.Exit(1)
			}
			wall[i] = append(wall[i], ms(time.Since(t0)))
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu[i] = append(cpu[i], ms(time.Duration(syscall.TimevalToNsec(ru.Utime)+syscall.TimevalToNsec(ru.Stime))))
			faults[i] = append(faults[i], float64(ru.Minflt))
		}
	}
	base, ref := median(wall[0]), median(wall[1])
	fmt.Printf("%-40s %9s %9s %7s %8s %8s\n", "command (medians of "+fmt.Sprint(*n)+")", "wall ms", "cpu ms", "faults", "× first", "× second")
	for i, c := range cmds {
		w := median(wall[i])
		fmt.Printf("%-40s %9.2f %9.2f %7.0f %8.2f %8.2f\n", shorten(c), w, median(cpu[i]), median(faults[i]), w/base, w/ref)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// shorten drops the directory of the program.
func shorten(c string) string {
	f := strings.Fields(c)
	if i := strings.LastIndex(f[0], "/"); i >= 0 {
		f[0] = f[0][i+1:]
	}
	return strings.Join(f, " ")
}
