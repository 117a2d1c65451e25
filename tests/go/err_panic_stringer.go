// A panic with a value that has an Error method: printed through Error().
package main

import "fmt"

type ValidationError struct {
	Field string
	Line  int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("line %d: field %q is required", e.Line, e.Field)
}

func validate(fields map[string]string) {
	if fields["name"] == "" {
		panic(&ValidationError{"name", 12})
	}
}

func main() {
	validate(map[string]string{"name": "ok"})
	fmt.Println("first record valid")
	validate(map[string]string{})
}
