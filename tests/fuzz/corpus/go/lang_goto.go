// goto jumps to a label in the same function.
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 5 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()
	n := 7
	steps := 0
again:
	if n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
		goto again
	}
	fmt.Println("collatz steps:", steps)
	for x := 0; x < 10; x++ {
		if x == 3 {
			goto done
		}
		fmt.Println("x", x)
	}
done:
	fmt.Println("done")
}
