// Fan-in: several channels into one
// Fan-in: merge several channels into one; the order of arrival varies.
// poolscope: lines-unordered
package main

import (
	"fmt"
	"sync"
)

func producer(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- fmt.Sprintf("%s %d", name, i)
		}
	}()
	return out
}

func merge(cs ...<-chan string) <-chan string {
	var wg sync.WaitGroup
	out := make(chan string)
	output := func(c <-chan string) {
		for s := range c {
			out <- s
		}
		wg.Done()
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	count := 0
	for s := range merge(producer("alpha", 3), producer("beta", 2), producer("gamma", 4)) {
		fmt.Println(s)
		count++
	}
	fmt.Println("total", count)
}
