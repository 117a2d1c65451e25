// Backpressure: a full queue makes the sender wait
// Two workers, ten jobs of a second, a job queue with room for two: main blocks on the send
// whenever the queue is full, so the producer runs at the workers' pace.
// poolscope: lines-unordered
// poolscope: elapsed-ms 5000
package main

import (
	"fmt"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		fmt.Println("worker", id, "started  job", j)
		time.Sleep(time.Second)
		fmt.Println("worker", id, "finished job", j)
		results <- j * 2
	}
}

func main() {
	const numJobs = 10
	jobs := make(chan int, 2) // room for two: the sender waits
	results := make(chan int, numJobs)

	for w := 1; w <= 2; w++ {
		go worker(w, jobs, results)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j // blocks while the queue is full
	}
	close(jobs)

	for a := 1; a <= numJobs; a++ {
		<-results
	}
}
