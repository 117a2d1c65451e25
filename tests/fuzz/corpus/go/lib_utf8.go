// unicode/utf8: counting, decoding and encoding runes; validity.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	const s = "สวัสดี"
	fmt.Println("Len:", len(s))
	fmt.Println("Rune count:", utf8.RuneCountInString(s))
	for i := 0; i < len(s); i += 3 {
		fmt.Printf("%x ", s[i])
	}
	fmt.Println()
	for i, w := 0, 0; i < len(s); i += w {
		runeValue, width := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%#U starts at %d, width %d\n", runeValue, i, width)
		w = width
	}
	r, size := utf8.DecodeRuneInString("")
	fmt.Println(r == utf8.RuneError, size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	last, lsize := utf8.DecodeLastRuneInString("héllo世")
	fmt.Println(string(last), lsize)
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'))
	fmt.Println(utf8.ValidString("ok"), utf8.ValidString("a\xffb"), utf8.RuneCount([]byte("日本")))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n)
	fmt.Println(string(utf8.AppendRune(nil, 'ü')), utf8.UTFMax, utf8.RuneSelf)
}
