// An interface can hold a value (a copy) or a pointer (shared); method sets differ.
package main

import "fmt"

type Counter interface {
	Inc()
	Get() int
}

type C struct{ n int }

func (c *C) Inc()    { c.n++ }
func (c *C) Get() int { return c.n }

type Named interface{ Name() string }

type T struct{ name string }

func (t T) Name() string { return t.name }

func main() {
	c := C{}
	var ci Counter = &c // only *C has Inc and Get
	ci.Inc()
	ci.Inc()
	fmt.Println(ci.Get(), c.n)
	t := T{"first"}
	var byValue Named = t
	var byPtr Named = &t
	t.name = "second"
	fmt.Println(byValue.Name(), byPtr.Name())
	fmt.Printf("%T %T\n", byValue, byPtr)
	var x, y interface{} = &c, &c
	fmt.Println(x == y)
	var u, v interface{} = T{"a"}, T{"a"}
	fmt.Println(u == v)
	items := []Named{T{"p"}, &T{"q"}}
	for _, it := range items {
		fmt.Println(it.Name())
	}
}
