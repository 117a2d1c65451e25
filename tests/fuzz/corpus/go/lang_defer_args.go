// A deferred call's arguments are evaluated when defer runs, not at the end.
package main

import "fmt"

type T struct{ n int }

func (t T) show()   { fmt.Println("value receiver", t.n) }
func (t *T) showp() { fmt.Println("pointer receiver", t.n) }

func main() {
	i := 1
	defer fmt.Println("deferred i:", i)
	defer func() { fmt.Println("closure i:", i) }()
	i = 2
	s := []int{1}
	defer fmt.Println("slice:", s) // the slice header is copied, elements shared
	s[0] = 99
	t := T{1}
	defer t.show()
	defer t.showp()
	t.n = 2
	x := 10
	defer func(v int) { fmt.Println("param:", v) }(x * 2)
	x = 0
	fmt.Println("returning with i =", i, "x =", x)
}
