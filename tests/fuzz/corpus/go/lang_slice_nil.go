// A nil slice and an empty slice: both have len 0, only one is nil.
package main

import "fmt"

func main() {
	var s []int
	e := []int{}
	fmt.Println(s, len(s), cap(s), s == nil)
	fmt.Println(e, len(e), cap(e), e == nil)
	fmt.Printf("%v %v %#v %#v\n", s, e, s, e)
	for range s {
		fmt.Println("never")
	}
	s = append(s, 1)
	fmt.Println(s, s == nil)
	var ns []string
	fmt.Println(len(ns) == 0, ns == nil, fmt.Sprint(ns) == fmt.Sprint([]string{}))
	var m map[string]int
	fmt.Println(m == nil, len(m), m["x"])
	z := s[:0]
	fmt.Println(z == nil, len(z))
}
