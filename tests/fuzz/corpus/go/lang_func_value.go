// Functions are values: assign them, pass them, keep them in maps.
package main

import (
	"fmt"
	"strings"
)

func apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func compose(f, g func(string) string) func(string) string {
	return func(s string) string { return g(f(s)) }
}

func add(a, b int) int { return a + b }

func main() {
	double := func(x int) int { return x * 2 }
	fmt.Println(apply([]int{1, 2, 3}, double))
	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return x * x }))
	ops := map[string]func(int, int) int{
		"add": add,
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	for _, name := range []string{"add", "sub", "mul"} {
		fmt.Println(name, ops[name](7, 3))
	}
	shout := compose(strings.TrimSpace, strings.ToUpper)
	fmt.Println(shout("  hi there  "))
	var f func()
	fmt.Println(f == nil)
	f = func() { fmt.Println("called") }
	f()
	fmt.Printf("%T\n", add)
	func(msg string) { fmt.Println("immediately", msg) }("invoked")
}
