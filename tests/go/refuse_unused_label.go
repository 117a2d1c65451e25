// A label no break or continue names: Go refuses the program.
package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				break
			}
			fmt.Println(i, j)
		}
	}
}
