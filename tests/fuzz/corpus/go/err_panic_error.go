// An uncaught panic with an error value prints its Error() text.
package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("working")
	err := errors.New("disk quota exceeded")
	panic(err)
}
