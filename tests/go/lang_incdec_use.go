// x++ and x += 1 read x: a variable only incremented is used (gc agrees);
// one only assigned is not (lang_unused_var).
package main

import "fmt"

func spin(done chan bool) {
	for i := 0; ; i++ {
		if i == 3 {
			break
		}
	}
	done <- true
}

func main() {
	x := 0
	x++
	y := 10
	y--
	done := make(chan bool)
	go spin(done)
	fmt.Println(<-done)
}
