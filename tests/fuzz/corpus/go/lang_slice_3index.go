// Slicing: s[lo:hi], s[lo:hi:max] limits the capacity so append must copy.
package main

import "fmt"

func main() {
	a := [...]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := a[2:5]
	fmt.Println(s, len(s), cap(s))
	t := a[2:5:6]
	fmt.Println(t, len(t), cap(t))
	s = append(s, 100)
	fmt.Println(a) // a[5] overwritten
	t = append(t, 200)
	t = append(t, 300) // exceeds cap 4: new array
	t[0] = -1
	fmt.Println(a, t)
	u := s[:cap(s)]
	fmt.Println(u, len(u))
	v := a[:0]
	fmt.Println(v, len(v), cap(v))
	w := a[8:]
	fmt.Println(w, a[10:], len(a[10:]))
	str := "abcdef"
	fmt.Println(str[1:3], str[:0] == "")
}
