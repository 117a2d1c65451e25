// An uncaught panic with a string: the message, a goroutine trace, exit status 2.
package main

import "fmt"

func main() {
	fmt.Println("before the panic")
	panic("something bad happened")
}
