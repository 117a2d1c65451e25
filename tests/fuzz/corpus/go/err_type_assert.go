// A failed type assertion without ok: the interface conversion panic.
package main

import "fmt"

func main() {
	var i interface{} = "hello"
	n, ok := i.(int)
	fmt.Println(n, ok)
	f := i.(float64)
	fmt.Println(f)
}
