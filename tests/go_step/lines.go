// Each goroutine's source line on its events (go_step.sh): stepped, main
// waits at lines 12, 13, 16 and 17, the goroutine at 14 then 8 (in add).
package main

import "fmt"

func add(a, b int) int {
	return a + b
}

func main() {
	ch := make(chan int, 1)
	go func() {
		ch <- add(1, 2)
	}()
	v := <-ch
	fmt.Println(v)
}
