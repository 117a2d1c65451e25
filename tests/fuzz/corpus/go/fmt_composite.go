// Printing structs, pointers to structs, slices, maps (sorted keys) and nesting.
package main

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	I   Inner
	P   *Inner
	S   []Inner
	M   map[string]Inner
	Any interface{}
}

func main() {
	in := Inner{1, "x"}
	fmt.Println(in, &in)
	fmt.Printf("%v %+v\n", &in, &in)
	o := Outer{I: in, P: &in, S: []Inner{in, {2, "y"}}, M: map[string]Inner{"z": {3, "z"}, "a": in}}
	s := fmt.Sprintf("%v", o)
	fmt.Println(s[:10], len(s) > 10) // P prints as an address
	fmt.Printf("%v\n", o.S)
	fmt.Printf("%+v\n", o.M)
	fmt.Println([]*Inner{nil}, map[int]*Inner{1: nil})
	m := map[int]string{3: "c", 1: "a", 2: "b", -1: "neg"}
	fmt.Println(m)
	mixed := map[interface{}]int{"b": 2, 1: 1, "a": 3, 2.5: 4, false: 5}
	fmt.Println(mixed)
	nested := map[string][]map[string]int{"k": {{"x": 1}, {"y": 2, "a": 0}}}
	fmt.Println(nested)
	fmt.Println([][]string{{"a"}, {}, nil, {"b", "c"}})
	fmt.Println([3][2]int{{1, 2}, {3, 4}})
	pp := &[]int{1, 2}
	fmt.Println(pp, &map[string]int{"a": 1}, &[2]string{"x", "y"})
	fmt.Printf("%v %d\n", Inner{7, "q"}, Inner{7, "q"})
	type wrap struct{ E error }
	fmt.Printf("%v %+v\n", wrap{}, wrap{fmt.Errorf("boom")})
}
