// An undefined name: a typo in a variable's name.
package main

import "fmt"

func main() {
	count := 3
	for i := 0; i < count; i++ {
		fmt.Println(i, cuont)
	}
}
