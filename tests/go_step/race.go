package main

import (
	"fmt"
	"sync"
)

func main() {
	var ops int
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 100; c++ {
				ops++
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops)
}
