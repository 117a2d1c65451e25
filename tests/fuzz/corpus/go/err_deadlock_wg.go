// poolscope: lines-unordered
// Waiting for a WaitGroup that never reaches zero: a deadlock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			fmt.Println("worker", id, "forgot wg.Done")
		}(i)
	}
	wg.Wait()
}
