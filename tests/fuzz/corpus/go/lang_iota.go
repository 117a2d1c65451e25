// iota: enumerations, skipped values, expressions and bit flags.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

type ByteSize float64

const (
	_           = iota // ignore the first value
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	FlagRead = 1 << iota
	FlagWrite
	FlagExec
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

const (
	x0 = "x"
	x1
	x2 = iota
	x3
)

func main() {
	fmt.Println(Sunday, Monday, Saturday)
	fmt.Printf("%T %v\n", Friday, Friday)
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(FlagRead, FlagWrite, FlagExec, FlagRead|FlagExec)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(x0, x1, x2, x3)
}
