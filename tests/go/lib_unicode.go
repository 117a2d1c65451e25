// unicode: classifying runes and changing case.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range "aZ9 _é世!\t" {
		fmt.Printf("%q letter=%v upper=%v digit=%v space=%v punct=%v\n",
			r, unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsDigit(r),
			unicode.IsSpace(r), unicode.IsPunct(r))
	}
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Ä')), string(unicode.ToTitle('a')))
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.In('α', unicode.Greek, unicode.Latin))
	count := 0
	for _, r := range "Hello, World! 123" {
		if unicode.IsLetter(r) {
			count++
		}
	}
	fmt.Println("letters:", count)
}
