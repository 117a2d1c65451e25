// sync.Pool is in Go's library but not (yet) in poolscope's: refused by
// name, not called undefined.
package main

import (
	"fmt"
	"sync"
)

func main() {
	pool := sync.Pool{New: func() any { return new([64]byte) }}
	buf := pool.Get().(*[64]byte)
	pool.Put(buf)
	fmt.Println(len(buf))
}
