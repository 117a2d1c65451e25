// More goroutines alive at once than poolscope's limit (20 000, or fewer when the
// system is out of threads: both are named; docs/go.md):
// Go would run them; poolscope stops with a fatal error naming the limit.
package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 0; i < 25000; i++ {
		go func() { <-ch }()
	}
	fmt.Println("not reached under poolscope")
	close(ch)
}
