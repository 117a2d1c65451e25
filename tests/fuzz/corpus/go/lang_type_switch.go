// A type switch branches on the dynamic type of an interface value.
package main

import "fmt"

type Point struct{ X, Y int }

func do(i interface{}) {
	switch v := i.(type) {
	case int:
		fmt.Printf("Twice %v is %v\n", v, v*2)
	case string:
		fmt.Printf("%q is %v bytes long\n", v, len(v))
	case bool, float64:
		fmt.Printf("bool or float64: %v (%T)\n", v, v)
	case nil:
		fmt.Println("nil!")
	case error:
		fmt.Println("error:", v.Error())
	case Point:
		fmt.Println("point at", v.X, v.Y)
	case *Point:
		fmt.Println("pointer to point", *v)
	case []int:
		fmt.Println("slice of", len(v))
	default:
		fmt.Printf("I don't know about type %T!\n", v)
	}
}

func main() {
	do(21)
	do("hello")
	do(true)
	do(2.5)
	do(nil)
	do(fmt.Errorf("bad %d", 7))
	do(Point{1, 2})
	do(&Point{3, 4})
	do([]int{1, 2})
	do(int8(3))
	do(map[string]int{})
}
