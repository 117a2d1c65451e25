// panic with an int (here -42): printed as the value, with no type name.
package main

import "fmt"

func mustPositive(n int) int {
	if n <= 0 {
		panic(n * 21)
	}
	return n
}

func main() {
	fmt.Println(mustPositive(1))
	fmt.Println(mustPositive(-2))
}
