// make([]T, len, cap): zeroed elements, room to grow without reallocating.
package main

import "fmt"

func printSlice(s []int) {
	fmt.Printf("len=%d cap=%d %v\n", len(s), cap(s), s)
}

func main() {
	a := make([]int, 5)
	printSlice(a)
	b := make([]int, 0, 5)
	printSlice(b)
	c := b[:2]
	printSlice(c)
	d := c[2:5]
	printSlice(d)
	s := make([]string, 3)
	fmt.Printf("%q\n", s)
	s[0], s[2] = "a", "c"
	fmt.Println(s, len(s))
	m := make([][]float64, 2)
	fmt.Println(m, m[0] == nil)
	p := make([]*int, 2)
	fmt.Println(p[0] == nil, len(p))
	b = append(b, 1, 2, 3)
	printSlice(b)
}
