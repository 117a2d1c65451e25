// WaitGroup and an atomic counter
// The lecture's second program, verbatim: 50 goroutines add to one atomic counter; Wait
// returns when every one has called Done.
// poolscope: lines-unordered
// poolscope: elapsed-ms 10
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var counter int32
	var wg sync.WaitGroup

	// Add 2 to the WaitGroup counter because we are creating two goroutines
	wg.Add(2)

	// Create a goroutine to increment the counter.
	go func() {
		for i := 0; i < 5; i++ {
			atomic.AddInt32(&counter, 1)
			fmt.Printf("Incremented: %d\n", atomic.LoadInt32(&counter))
			time.Sleep(time.Millisecond)
		}
		// Decrement the WaitGroup counter when the goroutine finishes
		wg.Done()
	}()

	// Create a goroutine to decrement the counter.
	go func() {
		for i := 0; i < 5; i++ {
			atomic.AddInt32(&counter, -1)
			fmt.Printf("Decremented: %d\n", atomic.LoadInt32(&counter))
			time.Sleep(time.Millisecond)
		}
		// Decrement the WaitGroup counter when the goroutine finishes
		wg.Done()
	}()

	// Wait for the goroutines to finish.
	wg.Wait()
	
// using `Load` it’s safe to atomically read a value even while other goroutines are (atomically) updating it.
	fmt.Printf("Final Value: %d\n", atomic.LoadInt32(&counter))
}

