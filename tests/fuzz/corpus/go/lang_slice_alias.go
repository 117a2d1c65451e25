// Slices share their backing array: a change through one is seen by the other.
package main

import "fmt"

func zeroFirst(s []int) { s[0] = 0 }

func appendOne(s []int) []int { return append(s, 1) }

func main() {
	names := [4]string{"John", "Paul", "George", "Ringo"}
	a := names[0:2]
	b := names[1:3]
	fmt.Println(a, b)
	b[0] = "XXX"
	fmt.Println(a, b)
	fmt.Println(names)
	s := []int{5, 6, 7}
	zeroFirst(s)
	fmt.Println(s)
	t := appendOne(s)
	fmt.Println(s, t)
	r := make([]int, 3, 10)
	r1 := appendOne(r)
	r2 := appendOne(r[:2])
	fmt.Println(r1, r2)
}
