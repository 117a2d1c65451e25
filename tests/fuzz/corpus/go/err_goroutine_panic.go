// A panic in another goroutine kills the whole program; main's defers do not run.
package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
}

func main() {
	defer fmt.Println("main's defer (never runs)")
	fmt.Println("starting worker 2")
	go worker(2)
	time.Sleep(2 * time.Second)
	fmt.Println("not reached")
}
