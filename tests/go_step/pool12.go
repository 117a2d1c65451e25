// A worker pool of 12 workers and 20 jobs of a second
// The step-mode test program (tests/tui_step.sh: w and two digits reach W10 and
// above; tests/tui_tmux.sh sets 64 workers and 200 jobs for the compact lanes).
// poolscope: diagram worker-pool jobs
package main

import (
	"fmt"
	"time"
)

const numWorkers = 12
const numJobs = 20

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		fmt.Println("worker", id, "started  job", j)
		time.Sleep(time.Second)
		fmt.Println("worker", id, "finished job", j)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, numJobs)
	for w := 1; w <= numWorkers; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= numJobs; a++ {
		sum += <-results
	}
	fmt.Println("sum:", sum)
}
