// sync.Once: the function runs exactly once, however many goroutines call Do.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func loadConfig() {
	loads++
	config = map[string]string{"env": "prod"}
	fmt.Println("config loaded")
}

func getConfig() map[string]string {
	once.Do(loadConfig)
	return config
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = getConfig()["env"]
		}()
	}
	wg.Wait()
	fmt.Println(getConfig()["env"], "loads:", loads)
	var o sync.Once
	for i := 0; i < 3; i++ {
		o.Do(func() { fmt.Println("only once, i =", i) })
	}
}
