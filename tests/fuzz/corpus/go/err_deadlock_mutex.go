// Locking a mutex twice in the same goroutine: Go's mutexes are not reentrant.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked")
	mu.Lock()
}
