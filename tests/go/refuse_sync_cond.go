// sync.Cond is in Go's library but not (yet) in poolscope's: refused by
// name, not called undefined; a typo of a real name stays undefined.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		c.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		c.Wait()
	}
	mu.Unlock()
	fmt.Println("ready")
}
