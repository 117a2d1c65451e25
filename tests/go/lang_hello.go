// Hello, world: the first program of every Go course.
package main

import "fmt"

func main() {
	fmt.Println("Hello, 世界")
	fmt.Println("go" + "lang")
	fmt.Println("1+1 =", 1+1)
	fmt.Println("7.0/3.0 =", 7.0/3.0)
	fmt.Println(true && false, true || false, !true)
}
