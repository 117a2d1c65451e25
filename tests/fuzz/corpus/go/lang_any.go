// any (interface{}) holds a value of any type.
package main

import "fmt"

func describe(i any) {
	fmt.Printf("(%v, %T)\n", i, i)
}

func main() {
	var i any
	describe(i)
	i = 42
	describe(i)
	i = "hello"
	describe(i)
	i = []any{1, "two", 3.0, nil}
	describe(i)
	things := map[string]any{
		"n": 1,
		"s": "str",
		"l": []int{1, 2},
		"m": map[string]int{"k": 1},
	}
	fmt.Println(things)
	var a, b any = 1, 1
	fmt.Println(a == b)
	a, b = 1, int64(1)
	fmt.Println(a == b)
	a, b = "x", "x"
	fmt.Println(a == b)
	total := 0
	for _, v := range []any{1, 2, "3", 4.0} {
		if n, ok := v.(int); ok {
			total += n
		}
	}
	fmt.Println(total)
}
