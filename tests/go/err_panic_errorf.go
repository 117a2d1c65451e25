// A panic with a wrapped error from fmt.Errorf: the deferred call runs first.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred call runs before the program dies")
	_, err := os.Open("/nonexistent/config.json")
	if err != nil {
		panic(fmt.Errorf("loading config: %w", err))
	}
}
