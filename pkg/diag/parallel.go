package diag

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel calls check(i) for every i in [0, n) on up to GOMAXPROCS
// goroutines and returns when all are done. Loaders check files side by
// side with it and store each file's result at its index, so problems stay
// in file order.
func Parallel(n int, check func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				check(i)
			}
		})
	}
	wg.Wait()
}
