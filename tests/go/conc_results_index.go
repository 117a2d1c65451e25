// Collect goroutine results by index: each writes its own slot, no lock needed.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	upper := make([]string, len(words))
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func(i int, w string) {
			defer wg.Done()
			upper[i] = strings.ToUpper(w)
			lengths[i] = len(w)
		}(i, w)
	}
	wg.Wait()
	fmt.Println(upper)
	fmt.Println(lengths)
	results := make(chan [2]int, 10)
	for i := 0; i < 10; i++ {
		go func(n int) { results <- [2]int{n, n * n} }(i)
	}
	squares := make([]int, 10)
	for i := 0; i < 10; i++ {
		r := <-results
		squares[r[0]] = r[1]
	}
	fmt.Println(squares)
}
