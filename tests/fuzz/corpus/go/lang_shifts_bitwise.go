// Shifts and bitwise operators, including AND NOT (&^) and unary ^.
package main

import "fmt"

func main() {
	a, b := 0b1100, 0b1010
	fmt.Printf("%04b & %04b = %04b\n", a, b, a&b)
	fmt.Printf("%04b | %04b = %04b\n", a, b, a|b)
	fmt.Printf("%04b ^ %04b = %04b\n", a, b, a^b)
	fmt.Printf("%04b &^ %04b = %04b\n", a, b, a&^b)
	fmt.Println(^0, ^5, ^uint8(5))
	fmt.Println(1<<10, 1024>>3, -16>>2, -1>>10)
	var u8 uint8 = 1
	for _, k := range []uint{7, 8, 9} {
		fmt.Print(u8<<k, " ")
	}
	fmt.Println()
	var s uint = 70
	fmt.Println(1<<s == 0, int64(1)<<62)
	x := uint32(0xDEADBEEF)
	fmt.Printf("%x %x %x\n", x>>16, x&0xFFFF, x<<4)
	n := 0
	for v := 255; v > 0; v &= v - 1 {
		n++
	}
	fmt.Println("bits in 255:", n)
	flags := 0
	flags |= 1 << 3
	flags |= 1 << 1
	flags &^= 1 << 3
	fmt.Println(flags)
	fmt.Println(0x10, 0o17, 017, 1_000_000, 0xFF_FF)
}
