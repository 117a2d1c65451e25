// A method of a library type that poolscope lacks: time.Time.Truncate.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println("this hour began at", start.Truncate(time.Hour))
}
