// Type assertions: x.(T) and the comma-ok form that does not panic.
package main

import "fmt"

type Speaker interface{ Speak() string }

type Dog struct{}

func (Dog) Speak() string { return "woof" }

func main() {
	var i interface{} = "hello"
	s := i.(string)
	fmt.Println(s)
	s, ok := i.(string)
	fmt.Println(s, ok)
	f, ok := i.(float64)
	fmt.Println(f, ok)
	n, ok := i.(int)
	fmt.Println(n, ok)
	var x interface{} = Dog{}
	if sp, ok := x.(Speaker); ok {
		fmt.Println("speaks:", sp.Speak())
	}
	var sp Speaker = Dog{}
	d, ok := sp.(Dog)
	fmt.Printf("%T %v\n", d, ok)
	_, ok = sp.(fmt.Stringer)
	fmt.Println("stringer:", ok)
	var empty interface{}
	_, ok = empty.(string)
	fmt.Println(ok)
}
