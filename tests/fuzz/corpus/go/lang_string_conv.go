// Conversions between string, []byte and []rune, and string(rune).
package main

import "fmt"

func main() {
	s := "héllo"
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(s), len(b), len(r))
	fmt.Println(b)
	fmt.Println(r)
	b[0] = 'H'
	fmt.Println(string(b), s)
	r[1] = 'e'
	fmt.Println(string(r))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	fmt.Println(string([]byte{104, 105}), string([]rune{0x263A, 'x'}))
	var sb []byte
	sb = append(sb, "abc"...)
	sb = append(sb, 'd')
	fmt.Println(string(sb))
	rev := []rune("stressed")
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	fmt.Println(string(rev))
	fmt.Printf("%q\n", string([]byte{0xff, 'a'}))
}
