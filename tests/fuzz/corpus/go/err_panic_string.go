// An uncaught panic with a string: the message, a goroutine trace, exit status 2.
package main

import "fmt"

func process(items []string) {
	for _, it := range items {
		if it == "" {
			panic("something bad happened: empty item")
		}
		fmt.Println("processed", it)
	}
}

func main() {
	process([]string{"a", "b", "", "c"})
}
