// 20 000 goroutines one after another, each allocating (a defer, a closure,
// a string): memory an ended goroutine did not use goes to the next.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func work(wg *sync.WaitGroup, n int, out *string) {
	defer wg.Done()
	s := strconv.Itoa(n)
	parts := make([]int, 4)
	parts[0] = len(s)
	*out = s
}

func main() {
	var wg sync.WaitGroup
	last := ""
	for i := 0; i < 20000; i++ {
		wg.Add(1)
		go work(&wg, i, &last)
		wg.Wait()
	}
	fmt.Println("last:", last)
}
