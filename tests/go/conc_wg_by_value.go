// The classic bug: a WaitGroup passed by value. The worker's Done lowers
// its copy's counter, not main's, so main's Wait never returns: deadlock.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id, "done")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, wg)
	wg.Wait()
	fmt.Println("never printed")
}
