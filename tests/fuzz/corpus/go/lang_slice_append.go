// append grows a slice: watch len and cap change (Go 1.19's growth rule).
package main

import "fmt"

func main() {
	var s []int
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Printf("len=%d cap=%d\n", len(s), cap(s))
			prev = cap(s)
		}
	}
	t := []string{"a"}
	t = append(t, "b", "c")
	t = append(t, []string{"d", "e"}...)
	fmt.Println(t, len(t), cap(t))
	b := append([]byte("ab"), "cd"...)
	fmt.Println(string(b), len(b), cap(b))
	u := make([]int, 0, 5)
	u1 := append(u, 1)
	u2 := append(u, 2)
	fmt.Println(u1, u2) // same backing array
	v := []int{1, 2, 3}
	w := append(v, 4)
	w[0] = 100
	fmt.Println(v, w) // w was reallocated
}
