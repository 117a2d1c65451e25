// The builtin println writes to stderr in the runtime's own format: floats
// as +d.dddddde+ddd; an unrecovered panic with a float value says the same.
package main

import "math"

func main() {
	println("values:", 1.5, -0.25, 0.0, 3e100, 1e-7)
	println(float32(2.5), math.Inf(1), math.Inf(-1), math.NaN())
	println(7, -3, true, "text")
	panic(12.75)
}
