// Go refuses a program that imports a package it does not use.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello")
}
