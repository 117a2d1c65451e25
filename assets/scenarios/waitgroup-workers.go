// WaitGroup: five workers
// WaitGroup with five workers: the program behind the lecture's "Worker N starting/done" output.
// poolscope: lines-unordered
// poolscope: elapsed-ms 1000
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int) {
	fmt.Printf("Worker %d starting\n", id)
	time.Sleep(time.Second)
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1) // (1) a WaitGroup passed to functions goes by pointer
		go func(id int) { // (2) the closure tells the WaitGroup; the worker needn't know
			defer wg.Done()
			worker(id)
		}(i)
	}
	wg.Wait()
}
