// A method of a library type that poolscope lacks: time.Time.Format.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println("started at", start.Format("15:04:05"))
}
