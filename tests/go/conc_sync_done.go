// poolscope: elapsed-ms 300
// Channel synchronization: main blocks until the worker says it is done.
package main

import (
	"fmt"
	"time"
)

func worker(done chan bool) {
	fmt.Print("working...")
	time.Sleep(300 * time.Millisecond)
	fmt.Println("done")
	done <- true
}

func main() {
	done := make(chan bool, 1)
	go worker(done)
	<-done
	quit := make(chan struct{})
	go func() {
		defer close(quit)
		fmt.Println("closing quit")
	}()
	<-quit
	fmt.Println("main exits")
}
