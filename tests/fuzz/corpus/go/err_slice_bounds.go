// Slice bounds out of range.
package main

import "fmt"

func main() {
	s := make([]string, 2, 4)
	fmt.Println(len(s[:4]))
	hi := 6
	fmt.Println(s[1:hi])
}
