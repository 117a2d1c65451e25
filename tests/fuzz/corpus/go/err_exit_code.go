// A program reports an error on stderr and exits with status 1.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	input := []string{"10", "20", "x3"}
	sum := 0
	for _, s := range input {
		n, err := strconv.Atoi(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "error: %v\n", err)
			os.Exit(1)
		}
		sum += n
		fmt.Println("sum so far", sum)
	}
}
