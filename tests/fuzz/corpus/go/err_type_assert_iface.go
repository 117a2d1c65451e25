// Asserting to an interface the value does not implement: "missing method".
package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func main() {
	var v interface{} = Square{2}
	fmt.Println(v.(Square).Area())
	s := v.(Shape)
	fmt.Println(s.Perimeter())
}
