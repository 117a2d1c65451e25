// strconv: ParseFloat, FormatFloat, Quote and Unquote, AppendInt.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	f, err := strconv.ParseFloat("1.234", 64)
	fmt.Println(f, err)
	f, _ = strconv.ParseFloat("1e10", 64)
	fmt.Println(f)
	f, _ = strconv.ParseFloat("-0.5", 32)
	fmt.Println(f)
	_, err = strconv.ParseFloat("1.2.3", 64)
	fmt.Println(err)
	inf, _ := strconv.ParseFloat("inf", 64)
	fmt.Println(inf)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64))
	fmt.Println(strconv.FormatFloat(3.14159, 'e', -1, 64))
	fmt.Println(strconv.FormatFloat(1234567.0, 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(0.1, 'f', -1, 32))
	fmt.Println(strconv.Quote("Hello, 世界\n\"quoted\""))
	fmt.Println(strconv.QuoteToASCII("Hello, 世界"))
	fmt.Println(strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	_, err = strconv.Unquote("noquotes")
	fmt.Println(err)
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -7, 10)
	fmt.Println(string(buf))
}
