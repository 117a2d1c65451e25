// float64 arithmetic and how Println prints floats.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3)
	fmt.Println(1.0/3.0, 2.0/3.0, 10.0/4)
	fmt.Println(1e6, 1e20, 1e21, 1e-4, 1e-5, 123456789.0)
	fmt.Println(float32(0.1), float64(float32(0.1)))
	x := 3.0
	fmt.Println(x, x*x, x/2, -x)
	var f float64 = 7
	fmt.Println(f/2, int(f)/2)
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(2.5), math.Trunc(-2.7))
	fmt.Println(math.Mod(7, 3), math.Abs(-1.5))
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero)
	sum := 0.0
	for i := 0; i < 10; i++ {
		sum += 0.1
	}
	fmt.Println(sum)
	fmt.Println(float64(1<<53), float64(1<<53+1))
	c := 100.0
	fmt.Println("F:", c*9/5+32)
	fmt.Println(5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64)
}
