// A struct copied with its Mutex: the copy is a Mutex of its own (a value
// receiver locks its own copy, so the original counter never moves).
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) IncByValue() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func main() {
	var c Counter
	c.Inc()
	for i := 0; i < 3; i++ {
		c.IncByValue()
	}
	d := c
	c.mu.Lock()
	d.mu.Lock()
	d.n = 100
	d.mu.Unlock()
	c.mu.Unlock()
	c.Inc()
	fmt.Println(c.n, d.n)
}
