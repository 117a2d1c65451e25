// poolscope: lines-unordered
// poolscope: elapsed-ms 2000
// A worker pool: three workers share five one-second jobs through a channel
// (which worker takes which job varies, so the lines do not name the worker).
package main

import (
	"fmt"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		fmt.Println("started  job", j)
		time.Sleep(time.Second)
		fmt.Println("finished job", j)
		results <- j * 2
	}
}

func main() {
	const numJobs = 5
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)
	for w := 1; w <= 3; w++ {
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
	fmt.Println("sum of results", sum)
}
