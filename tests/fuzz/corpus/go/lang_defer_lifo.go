// Deferred calls run when the function returns, last in first out.
package main

import "fmt"

func countdown() {
	fmt.Println("counting")
	for i := 0; i < 4; i++ {
		defer fmt.Println(i)
	}
	fmt.Println("done")
}

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func nested() {
	defer trace("nested")()
	fmt.Println("in nested")
}

func main() {
	defer fmt.Println("world")
	fmt.Println("hello")
	countdown()
	nested()
	func() {
		defer fmt.Println("inner deferred")
		fmt.Println("inner body")
	}()
	fmt.Println("main ends")
}
