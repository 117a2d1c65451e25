// Run-time errors are panics with a runtime.Error value; recover can inspect them.
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			fmt.Printf("%s: runtime error? true: %v\n", name, re)
			return
		}
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	var m map[string]int
	var p *struct{ X int }
	var iface interface{} = "str"
	zero := 0
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("nil map", func() { m["a"] = 1 })
	try("nil pointer", func() { p.X = 1 })
	try("divide", func() { _ = 10 / zero })
	try("assert", func() { _ = iface.(int) })
	try("custom", func() { panic("not a runtime error") })
	try("none", func() {})
	arr := [3]int{}
	try("array", func() { arr[i%4+2] = 1 })
}
