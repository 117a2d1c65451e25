// Integer division by zero panics (float division gives +Inf).
package main

import "fmt"

func divide(a, b int) int { return a / b }

func main() {
	var zero float64
	fmt.Println(1.0 / zero)
	fmt.Println(divide(10, 2))
	fmt.Println(divide(1, 0))
}
