// if with an init statement: the variable lives in the if and its else branches.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func pow(x, n, lim float64) float64 {
	if v := math.Pow(x, n); v < lim {
		return v
	} else {
		fmt.Printf("%g >= %g\n", v, lim)
	}
	return lim
}

func main() {
	if 7%2 == 0 {
		fmt.Println("7 is even")
	} else {
		fmt.Println("7 is odd")
	}
	if num := 9; num < 0 {
		fmt.Println(num, "is negative")
	} else if num < 10 {
		fmt.Println(num, "has 1 digit")
	} else {
		fmt.Println(num, "has multiple digits")
	}
	fmt.Println(pow(3, 2, 10), pow(3, 3, 20))
	for _, s := range []string{"12", "x"} {
		if n, err := strconv.Atoi(s); err != nil {
			fmt.Println("bad:", err)
		} else {
			fmt.Println("good:", n)
		}
	}
}
