// A type assertion that can never hold: Go refuses the program and says why.
package main

import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s *Square) Area() float64 { return s.side * s.side }

func main() {
	var s Shape = &Square{2}
	if sq, ok := s.(Square); ok {
		fmt.Println(sq.side)
	}
}
