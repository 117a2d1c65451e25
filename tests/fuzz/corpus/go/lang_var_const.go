// Variables and constants: declarations, zero values, typed and untyped constants.
package main

import (
	"fmt"
	"math"
)

var (
	a        int
	b        string
	c        float64
	d        bool
	e, f     = 1, "two"
	g   int8 = -8
)

const s string = "constant"
const n = 500000000
const big = 3e20 / n

func main() {
	fmt.Println(a, b == "", c, d, e, f, g)
	fmt.Printf("%q %v %v\n", b, c, d)
	var x, y int = 1, 2
	var z = true
	fmt.Println(x, y, z)
	fmt.Println(s)
	fmt.Println(big)
	fmt.Println(int64(big))
	fmt.Println(math.Sin(n))
	const typed int32 = 7
	const untyped = 7
	var f32 float32 = untyped / 2.0
	var i64 int64 = untyped * 3
	fmt.Println(typed/2, untyped/2, untyped/2.0, f32, i64)
	fmt.Printf("%T %T %T %T\n", typed, untyped, untyped/2.0, 'x')
}
