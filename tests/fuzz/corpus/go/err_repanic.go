// Recovering and panicking again: Go prints both, the first marked [recovered].
package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("cleaning up after:", r)
			panic(r)
		}
	}()
	panic("original failure")
}
