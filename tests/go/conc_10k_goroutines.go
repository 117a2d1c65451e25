// 10 000 goroutines alive at once, each blocked on one channel until main
// closes it: poolscope's limit is 20 000 live goroutines (docs/go.md).
package main

import (
	"fmt"
	"sync"
)

const n = 10000

func main() {
	ch := make(chan struct{})
	results := make(chan int, n)
	var started sync.WaitGroup
	started.Add(n)
	for i := 0; i < n; i++ {
		go func(id int) {
			started.Done()
			<-ch
			results <- id
		}(i)
	}
	started.Wait()
	fmt.Println("all", n, "started and blocked")
	close(ch)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-results
	}
	fmt.Println("sum of ids:", sum, "want", n*(n-1)/2)
}
