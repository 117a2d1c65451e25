// The sum of the integers below n: a CPU-bound loop (row go-cpu).
package main

import "fmt"

const n = 10000000

func main() {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i
	}
	fmt.Println(sum)
}
