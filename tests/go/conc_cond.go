// sync.Cond: consumers Wait in a loop on their condition, a producer
// Signals one per item and Broadcasts when it is done.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	done  bool
}

func main() {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	var got []int
	var gmu sync.Mutex
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				q.mu.Lock()
				for len(q.items) == 0 && !q.done {
					q.cond.Wait()
				}
				if len(q.items) == 0 {
					q.mu.Unlock()
					return
				}
				it := q.items[0]
				q.items = q.items[1:]
				q.mu.Unlock()
				gmu.Lock()
				got = append(got, it)
				gmu.Unlock()
			}
		}()
	}
	for i := 1; i <= 10; i++ {
		q.mu.Lock()
		q.items = append(q.items, i)
		q.mu.Unlock()
		q.cond.Signal()
	}
	q.mu.Lock()
	q.done = true
	q.mu.Unlock()
	q.cond.Broadcast()
	wg.Wait()
	sort.Ints(got)
	fmt.Println(len(got), got)

	var ready bool
	c := sync.Cond{L: &sync.Mutex{}}
	go func() {
		c.L.Lock()
		ready = true
		c.L.Unlock()
		c.Broadcast()
	}()
	c.L.Lock()
	for !ready {
		c.Wait()
	}
	c.L.Unlock()
	fmt.Println("ready:", ready)
}
