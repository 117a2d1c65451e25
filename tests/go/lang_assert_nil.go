// A failed type assertion's panic names the interface as Go's runtime
// does: "interface {}" when empty, its name when named, "interface" for
// error; its text has no "runtime error: " before it.
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func try(name string, f func()) {
	defer func() { fmt.Printf("%-8s %v\n", name+":", recover()) }()
	f()
}

func main() {
	try("empty", func() {
		var x interface{}
		_ = x.(string)
	})
	try("named", func() {
		var s Shape
		_ = s.(Square)
	})
	try("error", func() {
		var e error
		_ = e.(fmt.Stringer)
	})
	try("wrong", func() {
		var x interface{} = 3
		_ = x.(string)
	})
	try("missing", func() {
		var x any = errors.New("e")
		_ = x.(Shape)
	})
	var s Shape = Square{2}
	if sq, ok := s.(Square); ok {
		fmt.Println("area", sq.Area())
	}
}
