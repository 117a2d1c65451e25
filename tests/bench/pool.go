// pool.go - the lecture's worker pool without sleeps or prints, for the
// benchmark: W workers range over a buffered jobs channel and send to a
// buffered results channel; main sends N jobs, closes, and reads N results.
// Prints its own jobs/s.  Built by poolscope-bench with GO111MODULE=off.
//
//	usage: pool JOBS WORKERS QUEUE_CAP
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pool JOBS WORKERS QUEUE_CAP")
		os.Exit(2)
	}
	numJobs, _ := strconv.Atoi(os.Args[1])
	workers, _ := strconv.Atoi(os.Args[2])
	qcap, _ := strconv.Atoi(os.Args[3])
	jobs := make(chan int, qcap)
	results := make(chan int, numJobs)

	start := time.Now()
	for w := 1; w <= workers; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= numJobs; a++ {
		sum += <-results
	}
	el := time.Since(start)
	if sum != numJobs*(numJobs+1) {
		fmt.Fprintln(os.Stderr, "pool: wrong result sum")
		os.Exit(1)
	}
	fmt.Printf("jobs %d elapsed_ns %d jobs_per_s %.0f\n", numJobs, el.Nanoseconds(),
		float64(numJobs)/el.Seconds())
}
