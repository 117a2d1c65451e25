// A panic with a value of a named type prints the type name: main.Code(7).
package main

import "fmt"

type Code int

type Reason string

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(Code(7))
	}()
	panic(Reason("first"))
}
