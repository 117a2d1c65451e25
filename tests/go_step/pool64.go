// A worker pool of 64 workers and 200 jobs of a second
// The compact lanes' test program (tests/tui_tmux.sh): more workers than
// rows at 80x24.
// poolscope: diagram worker-pool jobs
package main

import (
	"fmt"
	"time"
)

const numWorkers = 64
const numJobs = 200

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Second)
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
