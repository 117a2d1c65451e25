// A constant case twice in one switch: Go refuses the program.
package main

import "fmt"

func main() {
	day := "sat"
	switch day {
	case "sat", "sun":
		fmt.Println("weekend")
	case "mon", "sun":
		fmt.Println("start")
	}
}
