// Integer overflow wraps around: int8, uint8, uint underflow, int64 limits.
package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	i8 = -128
	i8--
	fmt.Println(i8)
	var u8 uint8 = 255
	u8 += 10
	fmt.Println(u8)
	var u uint = 0
	u--
	fmt.Println(u)
	var u32 uint32 = 3
	u32 -= 5
	fmt.Println(u32)
	var i64 int64 = math.MaxInt64
	i64++
	fmt.Println(i64, i64 == math.MinInt64)
	var i16 int16 = 300
	fmt.Println(int8(i16), uint8(i16), int16(int8(i16)))
	var m int8 = -128
	fmt.Println(-m, m/-1)
	x := 200
	fmt.Println(byte(x)+byte(x), int8(x))
	var i32 int32 = math.MaxInt32
	fmt.Println(i32*2, i32+i32+2)
}
