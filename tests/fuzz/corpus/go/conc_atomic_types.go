// The atomic types of Go 1.19: atomic.Int64, Int32, Uint64, Bool, Value.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var misses atomic.Int32
	var bytes atomic.Uint64
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%4 == 0 {
				misses.Add(1)
			} else {
				hits.Add(1)
			}
			bytes.Add(uint64(i))
		}(i)
	}
	wg.Wait()
	fmt.Println(hits.Load(), misses.Load(), bytes.Load())
	fmt.Println(hits.CompareAndSwap(75, 0), hits.Load())
	fmt.Println(hits.CompareAndSwap(75, 1), hits.Load())
	fmt.Println(misses.Swap(-5), misses.Load())
	hits.Store(1 << 40)
	fmt.Println(hits.Load())
	var ready atomic.Bool
	fmt.Println(ready.Load())
	ready.Store(true)
	fmt.Println(ready.Load())
	var v atomic.Value
	v.Store("config v1")
	fmt.Println(v.Load())
	bytes.Add(^uint64(0))
	fmt.Println(bytes.Load())
}
