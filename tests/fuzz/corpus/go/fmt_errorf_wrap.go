// fmt.Errorf with %w wraps an error; errors.Is, errors.As and errors.Unwrap see through it.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	return &QueryError{Query: "SELECT " + key, Err: ErrNotFound}
}

func main() {
	base := find("user")
	wrapped := fmt.Errorf("lookup failed: %w", base)
	twice := fmt.Errorf("request: %w", wrapped)
	fmt.Println(twice)
	fmt.Println(errors.Is(twice, ErrNotFound), errors.Is(twice, fs.ErrExist))
	var qe *QueryError
	if errors.As(twice, &qe) {
		fmt.Println("query was", qe.Query)
	}
	fmt.Println(errors.Unwrap(twice) == wrapped, errors.Unwrap(wrapped) == base)
	fmt.Println(errors.Unwrap(ErrNotFound))
	notWrapped := fmt.Errorf("lost: %v", base)
	fmt.Println(notWrapped, errors.Is(notWrapped, ErrNotFound))
	_, err := os.Open("/nonexistent/file.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	fmt.Printf("%T %T\n", wrapped, notWrapped)
}
