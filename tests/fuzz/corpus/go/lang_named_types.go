// Defined types versus aliases, and conversions between them.
package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

type MyInt = int // an alias: the same type

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

func main() {
	c := Celsius(100)
	fmt.Println(c, CToF(c))
	fmt.Printf("%T %T\n", c, CToF(c))
	var f float64 = float64(c) + 1
	fmt.Println(f)
	l := IntList{1, 2, 3}
	fmt.Println(l.Sum(), len(l))
	var plain []int = l
	fmt.Println(plain)
	var m MyInt = 5
	var i int = m
	fmt.Printf("%T %v\n", m, i)
	inc := Op(func(x int) int { return x + 1 })
	fmt.Println(inc.Twice(5))
	type Weekday int
	var w Weekday = 3
	fmt.Println(w+1, int(w)*2)
}
