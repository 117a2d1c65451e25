// fmt uses Error() and String() methods; Error wins when a type has both.
package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Both struct{}

func (Both) String() string { return "stringer" }
func (Both) Error() string  { return "error" }

type NotFound struct{ Name string }

func (e NotFound) Error() string { return e.Name + ": not found" }

func main() {
	t := Temp(21.456)
	fmt.Println(t)
	fmt.Printf("%v %s %.2f %d\n", t, t, t, t)
	fmt.Println(Both{})
	fmt.Printf("%v %s %q\n", Both{}, Both{}, Both{})
	err := NotFound{"config.ini"}
	fmt.Println(err)
	fmt.Printf("%v|%s|%q|%+v|%#v\n", err, err, err, err, err)
	fmt.Println([]error{err, errors.New("plain")})
	fmt.Println(map[string]Temp{"b": 1, "a": 2})
	var st fmt.Stringer = t
	fmt.Println(st.String())
	fmt.Printf("%x\n", Temp(1))
}
