// 10 000 goroutines that each block on one channel (row go-10k): each
// says it started, then waits on ch; main closes ch once all have started.
package main

import (
	"fmt"
	"sync"
	"time"
)

const n = 10000

func main() {
	start := time.Now()
	ch := make(chan int)
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-ch
			done.Done()
		}()
	}
	started.Wait()
	fmt.Println("started_ms", time.Since(start).Milliseconds())
	close(ch)
	done.Wait()
	fmt.Println("goroutines", n)
}
