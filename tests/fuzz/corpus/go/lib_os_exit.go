// os.Exit ends the program at once with a status; deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("!") // never printed
	fmt.Println("exiting with 3")
	fmt.Fprintln(os.Stderr, "something went wrong")
	os.Exit(3)
}
