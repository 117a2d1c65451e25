package main

import "fmt"

// Both channels are always ready: select picks uniformly at random, from
// the generator --seed sets.
func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- i
		b <- i
	}
	picks := ""
	for i := 0; i < 40; i++ {
		select {
		case <-a:
			picks += "a"
		case <-b:
			picks += "b"
		}
	}
	fmt.Println(picks)
}
