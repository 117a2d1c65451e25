// Infinity, NaN and the integer limits: MaxInt64, MinInt64, MaxUint32.
package main

import (
	"fmt"
	"math"
)

func main() {
	inf := math.Inf(1)
	ninf := math.Inf(-1)
	nan := math.NaN()
	fmt.Println(inf, ninf, nan)
	fmt.Println(inf > math.MaxFloat64, ninf < -math.MaxFloat64)
	fmt.Println(nan == nan, nan != nan, nan < 1, nan > 1)
	fmt.Println(math.IsNaN(nan), math.IsInf(inf, 1), math.IsInf(ninf, 0), math.IsInf(1, 0))
	fmt.Println(inf-inf, inf*0, inf+1, 1/inf)
	fmt.Println(math.Sqrt(-1), math.Log(-1), math.Log(0))
	fmt.Println(math.Max(nan, 1), math.Max(inf, 1), math.Min(ninf, 1))
	fmt.Println(int64(math.MaxInt64), int64(math.MinInt64))
	fmt.Println(uint32(math.MaxUint32), math.MaxInt64-1)
	var big int64 = math.MaxInt64
	fmt.Println(float64(big), big+1)
	m := map[float64]int{nan: 1}
	m[nan] = 2
	fmt.Println(len(m))
}
