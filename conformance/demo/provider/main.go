// Command provider is the small "users" provider the demo verifies the pact
// written by consumer.c against.
//
//	go run ./conformance/demo/provider            # the correct provider
//	go run ./conformance/demo/provider -broken    # answers id as a string
//
// It listens on 127.0.0.1 (an ephemeral port unless -addr says otherwise),
// prints "listening on http://127.0.0.1:PORT" once ready, and serves:
//
//	GET  /users/{id}     the user, as JSON
//	POST /_pact/state    the provider-state hook the verifier calls
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	broken := flag.Bool("broken", false, "answer the user id as a string, breaking the contract")
	flag.Parse()

	var mu sync.Mutex
	users := map[string]string{} // id → name, filled by provider states

	mux := http.NewServeMux()
	mux.HandleFunc("POST /_pact/state", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			State  string `json:"state"`
			Action string `json:"action"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if req.State == "user 42 exists" {
			if req.Action == "teardown" {
				delete(users, "42")
			} else {
				users["42"] = "Ada"
			}
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "{}")
	})
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		mu.Lock()
		name, ok := users[id]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if *broken {
			fmt.Fprintf(w, `{"id": %q, "name": %q}`, id, name)
			return
		}
		fmt.Fprintf(w, `{"id": %s, "name": %q}`, strings.TrimLeft(id, "0"), name)
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())
	log.Fatal(http.Serve(ln, mux))
}
