// sync/atomic functions: AddInt64, LoadInt64, StoreInt64, CompareAndSwap, Swap.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 1000; c++ {
				atomic.AddInt64(&ops, 1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", atomic.LoadInt64(&ops))
	var flag int32
	winners := int32(0)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if atomic.CompareAndSwapInt32(&flag, 0, 1) {
				atomic.AddInt32(&winners, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("winners:", winners, "flag:", flag)
	fmt.Println(atomic.CompareAndSwapInt64(&ops, 1, 2), ops)
	atomic.StoreInt64(&ops, 7)
	old := atomic.SwapInt64(&ops, 8)
	fmt.Println(old, atomic.LoadInt64(&ops))
	var u uint32 = 10
	atomic.AddUint32(&u, ^uint32(0)) // subtract 1
	fmt.Println(u)
}
