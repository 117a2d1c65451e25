// sync.Cond: goroutines wait for a condition, Broadcast wakes them all.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	woken := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			woken++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("woken:", woken)
	queue := []int{}
	done := make(chan bool)
	go func() {
		mu.Lock()
		for len(queue) < 3 {
			cond.Wait()
		}
		fmt.Println("queue:", queue)
		mu.Unlock()
		done <- true
	}()
	for i := 1; i <= 3; i++ {
		mu.Lock()
		queue = append(queue, i)
		cond.Signal()
		mu.Unlock()
	}
	<-done
}
