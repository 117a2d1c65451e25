// Labelled break and continue leave or restart an outer loop.
package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	grid := [][]int{{1, 2, 3}, {4, 42, 6}, {7, 8, 9}}
	found := false
search:
	for y, row := range grid {
		for x, v := range row {
			if v == 42 {
				fmt.Println("found at", x, y)
				found = true
				break search
			}
		}
	}
	fmt.Println(found)
	n := 0
loop:
	for {
		switch {
		case n > 3:
			break loop // a plain break would only leave the switch
		default:
			n++
		}
	}
	fmt.Println("n =", n)
}
