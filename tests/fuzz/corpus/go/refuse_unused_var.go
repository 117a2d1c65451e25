// Go refuses a program with a local variable that is declared but never used.
package main

import "fmt"

func main() {
	result := 42
	total := 0
	total++ // an increment counts as a use: Go reports only result
	fmt.Println("hello")
}
