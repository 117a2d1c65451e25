// A type error: a string plus an int does not compile.
package main

import "fmt"

func main() {
	name := "gopher"
	age := 13
	fmt.Println(name + age)
}
