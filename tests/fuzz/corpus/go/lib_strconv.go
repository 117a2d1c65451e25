// strconv: Itoa, Atoi and its error, ParseInt with bases, FormatInt, ParseBool.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42) + "!")
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	_, err = strconv.Atoi("wat")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	i, err := strconv.ParseInt("123", 0, 64)
	fmt.Println(i, err)
	d, _ := strconv.ParseInt("0x1c8", 0, 64)
	fmt.Println(d)
	b2, _ := strconv.ParseInt("-101", 2, 8)
	fmt.Println(b2)
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(err)
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	_, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.FormatInt(-255, 36))
	fmt.Println(strconv.FormatUint(1<<63, 10))
	for _, s := range []string{"true", "1", "F", "no"} {
		v, err := strconv.ParseBool(s)
		fmt.Println(s, v, err)
	}
	fmt.Println(strconv.FormatBool(true))
	if e, ok := err.(*strconv.NumError); ok {
		fmt.Println(e.Func, e.Num, e.Err)
	}
}
