// Rate limiting with a ticker
// Rate limiting with a ticker, and a bursty limiter from a buffered channel
// (times printed as coarse checks: a loaded machine's ticks come late).
// poolscope: elapsed-ms 700
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(100 * time.Millisecond)
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	fmt.Println("5 requests, one per 100ms, took >= 450ms:", time.Since(start) >= 450*time.Millisecond)
	burstyLimiter := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		burstyLimiter <- time.Now()
	}
	go func() {
		for t := range time.Tick(100 * time.Millisecond) {
			burstyLimiter <- t
		}
	}()
	burstyRequests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstyRequests <- i
	}
	close(burstyRequests)
	start = time.Now()
	for req := range burstyRequests {
		<-burstyLimiter
		fmt.Println("bursty request", req)
		if req == 3 {
			fmt.Println("first 3 at once (< 90ms):", time.Since(start) < 90*time.Millisecond)
		}
	}
	fmt.Println("the other 2 waited for ticks (>= 150ms):", time.Since(start) >= 150*time.Millisecond)
}
