// poolscope: elapsed-ms 1600
// time.NewTicker ticks at an interval until Stop (times rounded to 500 ms: loaded machines are late).
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(500 * time.Millisecond)
	done := make(chan bool)
	start := time.Now()
	go func() {
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				fmt.Println("Tick at", time.Since(start).Round(500*time.Millisecond))
			}
		}
	}()
	time.Sleep(1600 * time.Millisecond)
	ticker.Stop()
	done <- true
	fmt.Println("Ticker stopped")
}
