// panic(42): a non-string value prints with its value (and a type for named types).
package main

func main() {
	panic(42)
}
