// net/http: Go builds and runs it (no network is used), poolscope refuses the import.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	fmt.Println(http.StatusText(http.StatusNotFound))
	req, err := http.NewRequest("GET", "http://localhost:8080/path?q=1", nil)
	fmt.Println(req.Method, req.URL.Path, req.URL.Query().Get("q"), err)
}
