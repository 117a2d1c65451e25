// Float verbs: %f with precision and width, %e, %E, %g, %G.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Printf("float1: %f\n", 78.9)
	fmt.Printf("float2: %e\n", 123400000.0)
	fmt.Printf("float3: %E\n", 123400000.0)
	fmt.Printf("%.2f %.0f %.3f\n", 3.14159, 2.5, 1.0005)
	fmt.Printf("|%8.3f|%-8.2f|%08.3f|\n", 3.14159, 2.5, -3.14159)
	fmt.Printf("|%6.2f|%6.2f|\n", 1.2, 3.456)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e21, 0.000001)
	fmt.Printf("%g %G %.3g %.10g\n", 1e-7, 1e-7, math.Pi, math.Pi)
	fmt.Printf("%e %.2e %.0e\n", 0.0, 1234.5678, 5.0)
	fmt.Printf("%+.1f % .1f\n", 2.0, 2.0)
	fmt.Printf("%f %f %f\n", math.Inf(1), math.Inf(-1), math.NaN())
	fmt.Printf("%5.1f|%v|%v\n", math.Inf(1), float32(1)/3, 1.0/3)
	fmt.Printf("%.2f %.2f %.2f %.2f\n", 0.125, 0.375, 2.675, 1.005)
	fmt.Printf("%v %v %v\n", 1e6, 123456789.0, 1e-5)
	fmt.Printf("%x\n", 1.0)
	fmt.Printf("%6.2f%%\n", 99.5)
}
