// Package variables are initialised in dependency order, then init() runs, then main.
package main

import "fmt"

var (
	a = c + b // depends on b and c: initialised last
	b = f("b")
	c = f("c")
	d = 3
)

var total = sum(1, 2, 3)

func f(name string) int {
	fmt.Println("initialising", name, "d =", d)
	return d + len(name)
}

func sum(xs ...int) int {
	fmt.Println("initialising total")
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func init() {
	fmt.Println("init 1: a =", a, "total =", total)
	d = 100
}

func init() {
	fmt.Println("init 2: d =", d)
}

func main() {
	fmt.Println("main:", a, b, c, d, total)
}
