// Integer verbs: %d, widths, padding, bases, %c, %q, %U.
package main

import "fmt"

func main() {
	fmt.Printf("int: %d\n", 123)
	fmt.Printf("|%5d|%-5d|%05d|\n", 42, 42, 42)
	fmt.Printf("|%5d|%-5d|%05d|\n", -42, -42, -42)
	fmt.Printf("|%+d|% d|%+d|\n", 5, 5, -5)
	fmt.Printf("bin: %b %08b\n", 14, 5)
	fmt.Printf("oct: %o %#o %O\n", 64, 64, 64)
	fmt.Printf("hex: %x %X %#x %#X\n", 456, 456, 456, 456)
	fmt.Printf("hex neg: %x\n", -255)
	fmt.Printf("char: %c %c %c\n", 33, 'A', 0x4E16)
	fmt.Printf("quoted char: %q %q\n", 'x', '\n')
	fmt.Printf("unicode: %U %#U\n", 0x1F600, 'é')
	fmt.Printf("|%3c|%-3c|\n", 'a', 'b')
	fmt.Printf("%d %d %d\n", int8(-128), uint16(65535), uint64(1<<63))
	fmt.Printf("%x %X\n", "hello", []byte{1, 171})
	fmt.Printf("% x\n", []byte{1, 2, 255})
	fmt.Printf("%v %d\n", []int{1, 2}, []int{10, 20})
	fmt.Printf("%6.3d|%.0d|\n", 7, 0)
	fmt.Printf("%*d|%-*d|\n", 6, 1, 4, 2)
}
