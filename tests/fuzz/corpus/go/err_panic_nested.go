// A deferred function that panics while another panic is running: both are printed.
package main

import "fmt"

func main() {
	defer func() {
		panic("second panic, in a deferred call")
	}()
	defer fmt.Println("first deferred call runs")
	panic("first panic")
}
