// Embedding: the embedded struct's fields and methods are promoted.
package main

import "fmt"

type base struct {
	num int
}

func (b base) describe() string {
	return fmt.Sprintf("base with num=%v", b.num)
}

func (b *base) bump() { b.num++ }

type container struct {
	base
	str string
}

type describer interface {
	describe() string
}

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Server struct {
	*Logger
	name string
}

func main() {
	co := container{
		base: base{num: 1},
		str:  "some name",
	}
	fmt.Printf("co={num: %v, str: %v}\n", co.num, co.str)
	fmt.Println("also num:", co.base.num)
	fmt.Println("describe:", co.describe())
	co.bump()
	fmt.Println(co.num)
	var d describer = co
	fmt.Println("describer:", d.describe())
	s := Server{&Logger{"[srv] "}, "web"}
	s.Log("started " + s.name)
	fmt.Printf("%+v\n", co)
}
