// sync.Map: goroutines store, load and count without a lock of their own;
// LoadOrStore keeps the first value, LoadAndDelete takes one out, Range
// may stop early and may use the map inside.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			m.Store(fmt.Sprintf("worker-%d", id), id*id)
			actual, loaded := m.LoadOrStore("first", id)
			_ = actual
			_ = loaded
		}(i)
	}
	wg.Wait()
	v, ok := m.Load("worker-3")
	fmt.Println("worker-3:", v, ok)
	_, ok = m.Load("nobody")
	fmt.Println("nobody:", ok)
	first, _ := m.Load("first")
	again, loaded := m.LoadOrStore("first", 100)
	fmt.Println("first kept:", first == again, loaded)
	m.Delete("first")
	gone, had := m.LoadAndDelete("worker-7")
	fmt.Println("took worker-7:", gone, had)
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprintf("%v=%v", k, v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(len(keys), keys)
	n := 0
	m.Range(func(k, v any) bool {
		n++
		m.Store(fmt.Sprint("copy-", k), v)
		return n < 3
	})
	count := 0
	m.Range(func(k, v any) bool { count++; return true })
	fmt.Println("stopped after", n, "now", count)
}
