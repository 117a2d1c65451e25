// RWMutex: readers together, writers alone
// sync.RWMutex: many readers at once, writers alone.
// poolscope: elapsed-ms 100
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]string{}}
	c.Set("lang", "go")
	var readers, maxReaders int32
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.RLock()
			n := atomic.AddInt32(&readers, 1)
			for {
				m := atomic.LoadInt32(&maxReaders)
				if n <= m || atomic.CompareAndSwapInt32(&maxReaders, m, n) {
					break
				}
			}
			time.Sleep(100 * time.Millisecond)
			atomic.AddInt32(&readers, -1)
			c.mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers at once:", maxReaders)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Set(fmt.Sprint("k", i), fmt.Sprint(i*i))
		}(i)
	}
	wg.Wait()
	v, ok := c.Get("k7")
	fmt.Println(v, ok, len(c.data))
	_, ok = c.Get("missing")
	fmt.Println(ok)
}
