// A data race on a package-level counter
// Two goroutines add 1000 each to a package variable without a lock: the
// screen watches it as a shared plain integer and counts the lost updates.
// poolscope: output-varies
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
