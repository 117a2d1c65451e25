// A worker pool for the engine tests (test_pacer.c, test_soak.c): the
// lecture's first program with its sizes as constants a test can --set.
// A feeder goroutine sends the jobs while main takes the results, so any
// number of jobs fits through channels of 'workers' slots.  It runs
// unchanged under `go run`.
package main

import (
	"fmt"
	"time"
)

const workers = 3
const jobs = 5
const jobMs = 1000 // how long a job sleeps (0: not at all)

func worker(id int, jobq <-chan int, results chan<- int, done chan<- int) {
	n := 0
	for j := range jobq {
		if jobMs > 0 {
			time.Sleep(jobMs * time.Millisecond)
		}
		results <- j * 2
		n++
	}
	fmt.Println("worker", id, "did", n)
	done <- n
}

func main() {
	jobq := make(chan int, workers)
	results := make(chan int, workers)
	done := make(chan int, workers)
	for w := 1; w <= workers; w++ {
		go worker(w, jobq, results, done)
	}
	go func() {
		for j := 1; j <= jobs; j++ {
			jobq <- j
		}
		close(jobq)
	}()
	sum := 0
	for a := 1; a <= jobs; a++ {
		sum += <-results
	}
	did := 0
	for w := 1; w <= workers; w++ {
		did += <-done
	}
	fmt.Println("jobs", jobs, "sum", sum, "did", did)
}
