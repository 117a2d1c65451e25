// The general verbs: %v, %+v, %#v, %T and %%.
package main

import "fmt"

type point struct {
	x, y int
}

type Named struct {
	Name string
	Tags []string
	M    map[string]int
	P    *point
}

func main() {
	p := point{1, 2}
	fmt.Printf("struct1: %v\n", p)
	fmt.Printf("struct2: %+v\n", p)
	fmt.Printf("struct3: %#v\n", p)
	fmt.Printf("type: %T\n", p)
	n := Named{"n", []string{"a"}, map[string]int{"k": 1}, nil}
	fmt.Printf("%v\n%+v\n%#v\n", n, n, n)
	fmt.Printf("%v %#v %T\n", 42, 42, 42)
	fmt.Printf("%v %#v %T\n", "s", "s", "s")
	fmt.Printf("%v %#v %T\n", 1.5, 1.5, 1.5)
	fmt.Printf("%v %#v %T\n", []int{1}, []int{1}, []int{1})
	fmt.Printf("%v %#v %T\n", [2]bool{true}, [2]bool{true}, [2]bool{})
	fmt.Printf("%v %#v %T\n", 'x', 'x', 'x')
	fmt.Printf("%#v %#v\n", uint8(7), int64(-3))
	fmt.Printf("%#v %#v\n", map[string]bool{"b": true, "a": false}, struct{}{})
	fmt.Printf("%T %T %T\n", nil, error(nil), fmt.Errorf("x"))
	fmt.Printf("100%%\n")
}
