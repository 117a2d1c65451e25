// math: Sqrt, Pow, Floor, Ceil, Max, Min, Abs, Hypot, trigonometry, Pi.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Sqrt(144))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(10, -2))
	fmt.Println(math.Floor(2.7), math.Floor(-2.2), math.Ceil(2.1))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Abs(-4.5))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27))
	fmt.Println(math.Pi, math.E)
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/2), math.Cos(math.Pi), math.Atan(1)*4)
	fmt.Println(math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Exp(0))
	fmt.Println(math.Round(-0.5), math.Round(1.5), math.RoundToEven(2.5), math.Trunc(9.99))
	frac, int_ := math.Modf(3.75)
	fmt.Println(int_, frac)
	fmt.Println(math.Mod(-7, 3), math.Remainder(7, 3), math.Signbit(-0.0*1))
	fmt.Println(math.MaxInt8, math.MaxInt16, math.MaxInt32, math.MaxInt)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
}
