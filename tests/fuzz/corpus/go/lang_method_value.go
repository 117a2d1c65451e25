// Method values (bound to a receiver) and method expressions (receiver as argument).
package main

import (
	"fmt"
	"strings"
)

type Point struct{ X, Y float64 }

func (p Point) Add(q Point) Point  { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(f float64)    { p.X *= f; p.Y *= f }
func (p Point) String() string      { return fmt.Sprintf("(%g,%g)", p.X, p.Y) }

func main() {
	p := Point{1, 2}
	add := p.Add // bound to a copy of p
	p.X = 100
	fmt.Println(add(Point{10, 10}))
	scale := p.Scale // bound to &p
	scale(2)
	fmt.Println(p)
	addExpr := Point.Add
	fmt.Println(addExpr(Point{1, 1}, Point{2, 2}))
	scaleExpr := (*Point).Scale
	scaleExpr(&p, 0.5)
	fmt.Println(p)
	fmt.Printf("%T\n%T\n", addExpr, scaleExpr)
	up := strings.ToUpper
	fmt.Println(up("method values"))
	var sb strings.Builder
	write := sb.WriteString
	write("a")
	write("b")
	fmt.Println(sb.String())
	fns := []func() string{p.String, Point{3, 4}.String}
	for _, fn := range fns {
		fmt.Println(fn())
	}
}
