// Index out of range: a run-time panic naming the index and the length.
package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	for i := 0; i <= 5; i++ {
		fmt.Println(s[i])
	}
}
