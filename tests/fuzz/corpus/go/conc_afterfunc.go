// poolscope: elapsed-ms 300
// time.AfterFunc runs a function in its own goroutine after a delay.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	time.AfterFunc(300*time.Millisecond, func() {
		fmt.Println("second, after 300ms")
		wg.Done()
	})
	time.AfterFunc(100*time.Millisecond, func() {
		fmt.Println("first, after 100ms")
		wg.Done()
	})
	cancelled := time.AfterFunc(200*time.Millisecond, func() {
		fmt.Println("never printed")
	})
	fmt.Println("stopped:", cancelled.Stop())
	wg.Wait()
	fmt.Println("done")
}
