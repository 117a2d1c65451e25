// Every integer type: sizes, limits and conversions.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

func main() {
	fmt.Println("int8", math.MinInt8, math.MaxInt8, unsafe.Sizeof(int8(0)))
	fmt.Println("int16", math.MinInt16, math.MaxInt16, unsafe.Sizeof(int16(0)))
	fmt.Println("int32", math.MinInt32, math.MaxInt32, unsafe.Sizeof(int32(0)))
	fmt.Println("int64", math.MinInt64, math.MaxInt64, unsafe.Sizeof(int64(0)))
	fmt.Println("uint8", math.MaxUint8, "uint16", math.MaxUint16, "uint32", uint32(math.MaxUint32))
	fmt.Println("uint64", uint64(math.MaxUint64))
	fmt.Println("int", unsafe.Sizeof(0), "uint", unsafe.Sizeof(uint(0)), "uintptr", unsafe.Sizeof(uintptr(0)))
	var b byte = 'A'
	var r rune = '世'
	fmt.Printf("%T %v %T %v\n", b, b, r, r)
	minus := int32(-1)
	fmt.Println(int64(minus), uint32(minus), uint64(uint32(math.MaxUint32)))
	f := 3.99
	fmt.Println(int(f), int(-f), uint8(int(f)))
	var i int = 1 << 40
	fmt.Println(i, int32(i), int64(i)>>38)
}
