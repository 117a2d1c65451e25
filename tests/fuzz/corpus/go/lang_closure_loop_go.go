// The loop-variable bug with goroutines: Go 1.19 shares one i among all of them,
// so after wg.Wait every goroutine has seen the final value 3.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	start := make(chan struct{})
	seen := map[int]int{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start // run only after the loop has finished
			mu.Lock()
			seen[i]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println(seen)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) { // the fix: pass the value
			defer wg.Done()
			mu.Lock()
			seen[n] += 10
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(seen)
}
