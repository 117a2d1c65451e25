// poolscope: elapsed-ms 250
// A buffered channel as a semaphore: at most three goroutines inside at once.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var wg sync.WaitGroup
	var inside, peak int32
	var mu sync.Mutex
	done := []int{}
	for i := 1; i <= 7; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sem <- struct{}{}
			n := atomic.AddInt32(&inside, 1)
			mu.Lock()
			if n > peak {
				peak = n
			}
			mu.Unlock()
			time.Sleep(80 * time.Millisecond)
			atomic.AddInt32(&inside, -1)
			mu.Lock()
			done = append(done, id)
			mu.Unlock()
			<-sem
		}(i)
	}
	wg.Wait()
	fmt.Println("peak inside:", peak, "finished:", len(done))
}
