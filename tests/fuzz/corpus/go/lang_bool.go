// Booleans: operators, short-circuit evaluation, zero value.
package main

import "fmt"

func check(name string, v bool) bool {
	fmt.Println("evaluating", name)
	return v
}

func main() {
	var zero bool
	fmt.Println(zero, !zero)
	t, f := true, false
	fmt.Println(t && f, t || f, t != f, t == !f)
	if check("a", false) && check("b", true) {
		fmt.Println("both")
	}
	if check("c", true) || check("d", true) {
		fmt.Println("either")
	}
	x := 5
	inRange := x > 0 && x < 10
	fmt.Println(inRange)
	fmt.Printf("%t %v\n", inRange, !inRange)
}
