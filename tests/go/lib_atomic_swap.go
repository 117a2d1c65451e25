// atomic.Uint32, Uint64 and Bool have Swap and CompareAndSwap; Mutex.TryLock
// takes a free mutex and never waits.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var u atomic.Uint32
	u.Store(9)
	fmt.Println(u.Swap(1), u.CompareAndSwap(1, 2), u.CompareAndSwap(1, 3), u.Load())
	var w atomic.Uint64
	w.Store(1 << 40)
	fmt.Println(w.Swap(5), w.CompareAndSwap(5, 6), w.Load())
	var b atomic.Bool
	fmt.Println(b.Swap(true), b.CompareAndSwap(true, false), b.Load())
	var mu sync.Mutex
	fmt.Println(mu.TryLock(), mu.TryLock())
	mu.Unlock()
	fmt.Println(mu.TryLock())
}
