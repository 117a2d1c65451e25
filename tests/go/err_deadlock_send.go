// An unbuffered send with no receiver, after a buffered one fills up.
package main

import "fmt"

func main() {
	buf := make(chan int, 1)
	buf <- 1
	fmt.Println("first send fits in the buffer")
	buf <- 2
}
