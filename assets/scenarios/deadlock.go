// A deadlock: all goroutines are asleep
// main waits on a channel nobody will send on: all goroutines are asleep.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	fmt.Println(<-ch)
}
