// Buffered channels: sends do not block until the buffer is full.
package main

import "fmt"

func main() {
	messages := make(chan string, 2)
	messages <- "buffered"
	messages <- "channel"
	fmt.Println(len(messages), cap(messages))
	fmt.Println(<-messages)
	fmt.Println(<-messages)
	fmt.Println(len(messages))
	ch := make(chan int, 3)
	for i := 0; i < 3; i++ {
		ch <- i * 10
	}
	close(ch)
	fmt.Println(len(ch), cap(ch))
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	var unbuf chan int = make(chan int)
	fmt.Println(len(unbuf), cap(unbuf))
	sem := make(chan struct{}, 1)
	sem <- struct{}{}
	select {
	case sem <- struct{}{}:
		fmt.Println("second send fit")
	default:
		fmt.Println("buffer full")
	}
}
