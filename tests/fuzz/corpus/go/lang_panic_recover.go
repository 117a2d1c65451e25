// recover in a deferred function stops a panic and returns its value.
package main

import (
	"errors"
	"fmt"
)

func mayPanic() {
	panic("a problem")
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func protect(g func()) {
	defer func() {
		r := recover()
		fmt.Printf("recovered %v (%T)\n", r, r)
	}()
	g()
	fmt.Println("not reached when g panics")
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("Recovered. Error:\n", r)
		}
	}()
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	protect(func() { panic(42) })
	protect(func() { panic(errors.New("an error value")) })
	protect(func() { var m map[string]int; m["a"] = 1 })
	protect(func() {})
	fmt.Println(recover()) // not in a deferred call: nil
	mayPanic()
	fmt.Println("After mayPanic()")
}
