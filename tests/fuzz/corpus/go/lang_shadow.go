// Shadowing: an inner declaration hides an outer one of the same name.
package main

import "fmt"

var x = "package"

func show() { fmt.Println("show sees", x) }

func main() {
	fmt.Println(x)
	x := "main"
	fmt.Println(x)
	show()
	{
		x := "block"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 42; x > 0 {
		fmt.Println("if:", x)
	}
	n, err := 1, error(nil)
	if true {
		n, err := 2, fmt.Errorf("inner")
		fmt.Println(n, err)
	}
	fmt.Println(n, err)
	for x := 0; x < 2; x++ {
		fmt.Println("loop", x)
	}
	len := func(s string) int { return 99 }
	fmt.Println(len("abc"))
	type int = string
	var y int = "y is a string"
	fmt.Println(y)
}
