// copy copies min(len(dst), len(src)) elements and returns the count.
package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	big := make([]int, 8)
	n = copy(big, src)
	fmt.Println(n, big)
	s := []int{0, 1, 2, 3, 4, 5, 6}
	copy(s[2:], s) // overlapping
	fmt.Println(s)
	b := make([]byte, 3)
	n = copy(b, "hello")
	fmt.Println(n, string(b))
	c := append([]int(nil), src...)
	c[0] = 42
	fmt.Println(src, c)
	fmt.Println(copy(dst, []int{}), dst)
}
