// select with several ready cases picks one at random: only the totals are fixed.
package main

import "fmt"

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	fromA, fromB := 0, 0
	for i := 0; i < 200; i++ {
		select {
		case v := <-a:
			fromA += v
		case v := <-b:
			fromB += v
		}
	}
	fmt.Println(fromA, fromB, fromA+fromB)
	quit := make(chan struct{})
	data := make(chan int, 10)
	close(quit)
	for i := 0; i < 10; i++ {
		data <- i
	}
	got := 0
	for got < 10 {
		select {
		case <-quit: // always ready: closed
		case <-data:
			got++
		}
	}
	fmt.Println("got all", got, len(data))
}
