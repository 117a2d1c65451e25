// Closing a nil channel panics: the channel was declared but never made.
package main

import "fmt"

type Pipeline struct {
	out chan string
}

func main() {
	var p Pipeline
	fmt.Println(p.out == nil)
	close(p.out)
}
