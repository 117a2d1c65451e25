// Anonymous structs: one-off records, table-driven tests, comparison.
package main

import "fmt"

func main() {
	point := struct {
		X, Y int
	}{1, 2}
	fmt.Println(point, point.X)
	tests := []struct {
		in   string
		want int
	}{
		{"a", 1},
		{"hello", 5},
		{"", 0},
	}
	for _, tt := range tests {
		fmt.Printf("len(%q) = %d, ok=%v\n", tt.in, len(tt.in), len(tt.in) == tt.want)
	}
	a := struct{ Name string }{"x"}
	b := struct{ Name string }{"x"}
	fmt.Println(a == b)
	var config struct {
		Debug bool
		Level int
	}
	config.Level = 3
	fmt.Printf("%+v\n", config)
	fmt.Printf("%T\n", point)
	empty := struct{}{}
	fmt.Println(empty)
}
