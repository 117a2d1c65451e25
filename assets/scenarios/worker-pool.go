// Worker pool: 3 workers, 5 jobs of 1 s
// The lecture's first program, verbatim: jobs go into a buffered channel, three workers take
// them, each job takes a second, main collects five results.
// poolscope: lines-unordered
// poolscope: elapsed-ms 2000
// poolscope: diagram worker-pool jobs
package main

import (
    "fmt"
    "time"
)

// (1)
func worker(id int, jobs <-chan int, results chan<- int) {
    for j := range jobs {
        fmt.Println("worker", id, "started  job", j)
        time.Sleep(time.Second)
        fmt.Println("worker", id, "finished job", j)
        results <- j * 2
    }
}

func main() {

// setup channals for workers
    const numJobs = 5
    jobs := make(chan int, numJobs)
    results := make(chan int, numJobs)

// set 3 workers
    for w := 1; w <= 3; w++ {
        go worker(w, jobs, results)
    }

// set number job then closed the jobs
    for j := 1; j <= numJobs; j++ {
        jobs <- j
    }
    close(jobs)

// wait for the job results
    for a := 1; a <= numJobs; a++ {
        <-results
    }
}
