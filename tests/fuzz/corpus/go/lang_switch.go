// switch: no fallthrough by default, fallthrough, several values, no condition, init.
package main

import (
	"fmt"
	"time"
)

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "large"
}

func main() {
	i := 2
	fmt.Print("Write ", i, " as ")
	switch i {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
	case 3:
		fmt.Println("three")
	}
	switch time.Saturday {
	case time.Saturday, time.Sunday:
		fmt.Println("It's the weekend")
	default:
		fmt.Println("It's a weekday")
	}
	for _, n := range []int{-5, 0, 7, 99} {
		fmt.Println(n, classify(n))
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		fallthrough
	case x > 100:
		fmt.Println("fell through (x > 100 was not tested)")
	case x > 4:
		fmt.Println("not reached")
	default:
		fmt.Println("not reached either")
	}
	switch c := 'b'; c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	default:
		fmt.Println("consonant", string(c))
	}
	f := func() int { fmt.Println("f called"); return 1 }
	switch 1 {
	case 0, f(), 2:
		fmt.Println("matched")
	}
}
