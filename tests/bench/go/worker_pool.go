// Worker pool, zero-length jobs (the benchmarks' pool)
// tests/bench/pool.go's program for poolscope: its arguments are constants that --set overrides
// (--set numJobs=N --set numWorkers=W --set qcap=Q), so poolscope --headless runs the same
// pool as native Go does: W workers range over a buffered jobs channel and send to a results
// channel as large as the job count; main sends N jobs, closes, and reads N results.  Exits 1
// if a result is lost.  Rows pool, model, heavy, output, consumer, rss and render.
// poolscope: diagram worker-pool jobs
package main

import (
	"fmt"
	"os"
)

const (
	numJobs    = 1000
	numWorkers = 2
	qcap       = 1024
)

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, qcap)
	results := make(chan int, numJobs)
	for w := 1; w <= numWorkers; w++ {
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
	if sum != numJobs*(numJobs+1) {
		fmt.Fprintln(os.Stderr, "pool: wrong result sum")
		os.Exit(1)
	}
	fmt.Println("jobs", numJobs)
}
