package parser

import (
	"runtime"
	"sync"
)

// minParallelSegments is the number of declarations from which Parse
// spreads them over several goroutines; below it the goroutines cost more
// than they save.
const minParallelSegments = 64

// parseSegments calls parse(i) for each i in [0, n), on up to GOMAXPROCS
// goroutines each taking a contiguous run of indexes. parse must only
// write state owned by its index, so the result does not depend on the
// schedule.
func parseSegments(n int, parse func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/(minParallelSegments/2))
	if n < minParallelSegments || workers < 2 {
		for i := range n {
			parse(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				parse(i)
			}
		})
	}
	wg.Wait()
}
