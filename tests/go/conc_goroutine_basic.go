// poolscope: lines-unordered
// Goroutines run concurrently with main: their output interleaves.
package main

import (
	"fmt"
	"time"
)

func f(from string) {
	for i := 0; i < 3; i++ {
		fmt.Println(from, ":", i)
	}
}

func main() {
	f("direct")
	go f("goroutine")
	go func(msg string) {
		fmt.Println(msg)
	}("going")
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
}
