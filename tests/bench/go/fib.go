// A recursive Fibonacci: calls (row go-cpu).
package main

import "fmt"

const n = 27

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(n))
}
