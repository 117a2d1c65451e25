// Channel direction types: a function that only sends, one that only receives.
package main

import "fmt"

func ping(pings chan<- string, msg string) {
	pings <- msg
}

func pong(pings <-chan string, pongs chan<- string) {
	msg := <-pings
	pongs <- msg
}

func producer(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func main() {
	pings := make(chan string, 1)
	pongs := make(chan string, 1)
	ping(pings, "passed message")
	pong(pings, pongs)
	fmt.Println(<-pongs)
	total := 0
	for v := range producer(5) {
		total += v
	}
	fmt.Println(total)
	var send chan<- int = make(chan int, 1)
	var recv <-chan int
	fmt.Printf("%T %T %v\n", send, recv, recv == nil)
}
