// os.Exit skips the deferred calls still pending: main's; run's ran when run returned.
package main

import (
	"fmt"
	"os"
)

func cleanup() { fmt.Println("run's cleanup runs: run returned before os.Exit") }

func run() int {
	defer cleanup()
	fmt.Println("run: failing")
	return 3
}

func main() {
	defer fmt.Println("main's defer (never runs)")
	code := run()
	fmt.Println("exiting with", code)
	os.Exit(code)
}
