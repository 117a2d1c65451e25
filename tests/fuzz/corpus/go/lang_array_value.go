// Arrays are values: assignment and passing copy them; == compares elements.
package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doubleInPlace(a *[3]int) {
	for i := range a {
		a[i] *= 2
	}
}

func main() {
	var a [5]int
	fmt.Println("emp:", a)
	a[4] = 100
	fmt.Println("set:", a, "get:", a[4], "len:", len(a))
	b := [5]int{1, 2, 3, 4, 5}
	fmt.Println("dcl:", b)
	c := [...]string{"x", "y", "z"}
	fmt.Println(len(c), c)
	d := [5]int{1: 10, 3: 30}
	fmt.Println(d)
	x := [3]int{1, 2, 3}
	y := x
	y[0] = 99
	fmt.Println(x, y, x == y, x == [3]int{1, 2, 3})
	fmt.Println(double(x), x)
	doubleInPlace(&x)
	fmt.Println(x)
	var twoD [2][3]int
	for i := 0; i < 2; i++ {
		for j := 0; j < 3; j++ {
			twoD[i][j] = i + j
		}
	}
	fmt.Println("2d:", twoD)
	fmt.Printf("%T\n", twoD)
}
