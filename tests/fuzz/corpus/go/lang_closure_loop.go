// The classic closures-in-a-loop bug: before Go 1.22 a for loop has ONE
// variable, shared by every closure created in it (this corpus is Go 1.19).
package main

import "fmt"

func main() {
	var funcs []func()
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() { fmt.Println("closure sees", i) })
	}
	for _, f := range funcs {
		f()
	}
	var prints []func()
	for _, s := range []string{"a", "b", "c"} {
		prints = append(prints, func() { fmt.Println("range closure sees", s) })
	}
	for _, f := range prints {
		f()
	}
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2], ptrs[0] == ptrs[2])
	var fixed []func()
	for i := 0; i < 3; i++ {
		i := i // a new variable per iteration
		fixed = append(fixed, func() { fmt.Println("fixed closure sees", i) })
	}
	for _, f := range fixed {
		f()
	}
}
