// Untyped constants are exact: huge intermediate values are fine at compile time.
package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 100
	Small = Big >> 99
	Huge  = 1e1000 / 1e998
)

func needInt(x int) int           { return x*10 + 1 }
func needFloat(x float64) float64 { return x * 0.1 }

func main() {
	fmt.Println(needInt(Small))
	fmt.Println(needFloat(Small))
	fmt.Println(needFloat(Big))
	fmt.Println(Huge)
	const third = 1.0 / 3
	fmt.Println(third, third*3 == 1)
	x := 1.0 / 3
	fmt.Println(x*3 == 1)
	fmt.Println(math.Pi)
	fmt.Printf("%.20f\n", math.Pi)
	const k = 'a' + 1
	fmt.Println(k, string(rune(k)))
	fmt.Println(math.MaxUint64/2+1 == 1<<63)
	var u uint64 = math.MaxUint64
	fmt.Println(u)
	fmt.Println(7/2, 7/2.0, -7/2, -7%3, 7%-3)
}
