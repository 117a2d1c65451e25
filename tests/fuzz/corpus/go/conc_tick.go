// poolscope: elapsed-ms 1100
// time.Tick: a ticker channel for the whole program; rate-limit a loop with it.
package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(200 * time.Millisecond)
	boom := time.After(1100 * time.Millisecond)
	ticks := 0
	for {
		select {
		case <-tick:
			ticks++
			fmt.Println("tick.")
		case <-boom:
			fmt.Println("BOOM!", ticks, "ticks")
			return
		}
	}
}
