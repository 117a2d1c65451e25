// Methods with value and pointer receivers; Go takes & and * for you.
package main

import (
	"fmt"
	"math"
)

type rect struct {
	width, height int
}

func (r *rect) area() int { return r.width * r.height }

func (r rect) perim() int { return 2*r.width + 2*r.height }

type Vertex struct{ X, Y float64 }

func (v Vertex) Abs() float64 { return math.Sqrt(v.X*v.X + v.Y*v.Y) }

func (v *Vertex) Scale(f float64) {
	v.X = v.X * f
	v.Y = v.Y * f
}

func (v Vertex) ScaleCopy(f float64) {
	v.X = v.X * f
	v.Y = v.Y * f
}

func main() {
	r := rect{width: 10, height: 5}
	fmt.Println("area: ", r.area())
	fmt.Println("perim:", r.perim())
	rp := &r
	fmt.Println("area: ", rp.area())
	fmt.Println("perim:", rp.perim())
	v := Vertex{3, 4}
	v.Scale(10)
	fmt.Println(v, v.Abs())
	v.ScaleCopy(10)
	fmt.Println(v)
	p := &Vertex{4, 3}
	p.Scale(3)
	fmt.Println(*p, p.Abs())
	type Celsius float64
	fmt.Println(Celsius(21.5))
}
