// v, ok := <-ch: ok is false only once the channel is closed and drained.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 0
	ch <- 5
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
	strs := make(chan string)
	go func() {
		strs <- ""
		close(strs)
	}()
	s, ok := <-strs
	fmt.Printf("%q %v\n", s, ok)
	s, ok = <-strs
	fmt.Printf("%q %v\n", s, ok)
	ptrs := make(chan *int, 1)
	ptrs <- nil
	close(ptrs)
	p, ok := <-ptrs
	fmt.Println(p, ok)
	p, ok = <-ptrs
	fmt.Println(p, ok)
}
