// fmt catches a panic in a String or Error method as Go does: a nil
// pointer receiver prints <nil> (the "nil error that is not nil"), any other
// prints %!v(PANIC=String method: ...); sync.Once is done even when f panics.
package main

import (
	"fmt"
	"sync"
)

type E struct{ c int }

func (e *E) Error() string { return fmt.Sprint(e.c) }

type T int

func (t T) String() string { panic("bad") }

type P struct{ n int }

func (p *P) String() string { return fmt.Sprint("P", p.n) }

func main() {
	var e *E
	var err error = e
	fmt.Println(err, err == nil)
	fmt.Println(T(1))
	fmt.Printf("%v|%s|%d\n", T(2), T(3), T(4))
	var p *P
	fmt.Println(p, &P{3})
	var o sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o.Do(func() { panic("init failed") })
	}()
	o.Do(func() { fmt.Println("runs again?") })
	fmt.Println("done")
}
