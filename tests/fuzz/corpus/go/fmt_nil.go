// How fmt prints nil values of every kind.
package main

import "fmt"

type T struct{ X int }

func main() {
	var p *T
	var s []int
	var m map[string]int
	var f func()
	var c chan int
	var i interface{}
	var e error
	fmt.Println(p, s, m, f == nil, c, i, e)
	fmt.Printf("%v %v %v %v %v %v\n", p, s, m, c, i, e)
	fmt.Printf("%+v %#v\n", p, p)
	fmt.Printf("%#v %#v %#v %#v\n", s, m, i, e)
	fmt.Printf("%d %s\n", s, s)
	fmt.Printf("[%v] [%s] [%d]\n", nil, nil, nil)
	fmt.Printf("%T %T %T\n", p, s, i)
	fmt.Println(fmt.Sprint(nil), fmt.Sprint(nil, nil), fmt.Sprint("a", nil))
	var ps []*T = []*T{nil, {1}}
	fmt.Println(len(ps), ps[0], *ps[1])
}
