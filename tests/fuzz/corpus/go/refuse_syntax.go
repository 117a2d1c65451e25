// A syntax error: the for loop's closing brace is missing.
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(i)

	fmt.Println("done")
}
