// A nil interface versus an interface holding a typed nil pointer.
package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr // nil
	if fail {
		p = &MyErr{}
	}
	return p // never a nil error!
}

func correct(fail bool) error {
	if fail {
		return &MyErr{}
	}
	return nil
}

type I interface{ M() }

type T struct{ S string }

func (t *T) M() {
	if t == nil {
		fmt.Println("<nil receiver>")
		return
	}
	fmt.Println(t.S)
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T %v\n", err, err == (*MyErr)(nil))
	fmt.Println(correct(false) == nil)
	var i I
	fmt.Printf("(%v, %T)\n", i, i)
	var t *T
	i = t
	fmt.Printf("(%v, %T)\n", i, i)
	i.M()
	i = &T{"hello"}
	i.M()
	var e error
	fmt.Println(e == nil)
}
