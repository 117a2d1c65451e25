// := declarations, multiple assignment and swap.
package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	x := 10
	y, z := "hi", 2.5
	fmt.Println(x, y, z)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	q, w := divmod(9, 4) // q reused, w new
	fmt.Println(q, w)
	i, j, k := 1, 2, 3
	i, j, k = k, i, j
	fmt.Println(i, j, k)
	s := []int{1, 2, 3}
	n := 0
	n, s[n] = 2, 9 // index evaluated before assignment
	fmt.Println(n, s)
	fib1, fib2 := 0, 1
	for c := 0; c < 10; c++ {
		fib1, fib2 = fib2, fib1+fib2
	}
	fmt.Println(fib1)
	_, second := divmod(7, 3)
	fmt.Println(second)
}
