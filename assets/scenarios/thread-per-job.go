// Thread per job: one goroutine for each job
// Nine jobs of a second, each on a goroutine of its own: they all run at once, so the whole
// batch takes one second, and a WaitGroup says when the last is done.
// poolscope: lines-unordered
// poolscope: elapsed-ms 1000
package main

import (
	"fmt"
	"sync"
	"time"
)

func work(id, j int) {
	fmt.Println("thread", id, "started  job", j)
	time.Sleep(time.Second)
	fmt.Println("thread", id, "finished job", j)
}

func main() {
	const numJobs = 9
	var wg sync.WaitGroup
	for j := 1; j <= numJobs; j++ {
		wg.Add(1)
		go func(j int) { // one thread for each job
			defer wg.Done()
			work(j, j)
		}(j)
	}
	wg.Wait()
	fmt.Println("all", numJobs, "jobs done")
}
