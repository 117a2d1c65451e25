// Pointers: &, *, new, pointers to structs, pointer arguments.
package main

import "fmt"

func zeroval(ival int) { ival = 0 }

func zeroptr(iptr *int) { *iptr = 0 }

type Vertex struct{ X, Y int }

func main() {
	i := 1
	fmt.Println("initial:", i)
	zeroval(i)
	fmt.Println("zeroval:", i)
	zeroptr(&i)
	fmt.Println("zeroptr:", i)
	p := &i
	*p = 21
	fmt.Println(i, *p, p == &i)
	q := new(int)
	fmt.Println(*q)
	*q += 3
	fmt.Println(*q)
	v := Vertex{1, 2}
	vp := &v
	vp.X = 1e9
	fmt.Println(v)
	pp := &vp
	(*pp).Y = 7
	fmt.Println(v, **pp)
	var np *Vertex
	fmt.Println(np == nil, np)
	s := new([]int)
	*s = append(*s, 4)
	fmt.Println(*s, len(*s))
	a, b := new(int), new(int)
	fmt.Println(a == b, *a == *b)
}
