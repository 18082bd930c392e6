package mockserver

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// benchPact has n interactions GET /items/<k> with a JSON query, a header
// and a small JSON response.
func benchPact(n int) *model.Pact {
	p := model.NewPact("c", "p", model.V4)
	for k := range n {
		i := p.AddInteraction(model.HTTP, fmt.Sprint("item ", k))
		i.Request.Path = fmt.Sprint("/items/", k)
		i.Request.Query = model.Query{{Name: "full", Values: []string{"true"}}}
		i.Request.Headers = model.Headers{{Name: "Accept", Values: []string{"application/json"}}}
		i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
		i.Response.Body = model.PresentBody([]byte(fmt.Sprintf(`{"id":%d,"name":"item %d","tags":["a","b"]}`, k, k)), "application/json")
	}
	return p
}

// benchServe sends requests through keep-alive connections from parallel
// clients, spread over the interactions, and reports requests per second.
func benchServe(b *testing.B, n int) {
	s := start(b, benchPact(n), Config{})
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	urls := make([]string, n)
	for k := range n {
		urls[k] = fmt.Sprintf("%s/items/%d?full=true", s.URL(), k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		k := 0
		for pb.Next() {
			req, _ := http.NewRequest("GET", urls[k%n], nil)
			req.Header.Set("Accept", "application/json")
			resp, err := c.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			k += 7
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	b.StopTimer()
	for _, m := range s.Mismatches() {
		if m.Kind != Missing {
			b.Fatalf("a request failed: %v", m.ToJSON())
		}
	}
}

func BenchmarkServe1(b *testing.B)   { benchServe(b, 1) }
func BenchmarkServe100(b *testing.B) { benchServe(b, 100) }

// BenchmarkLifecycle is New + Start + one request + Close, with the client's
// keep-alive connection still open when the server closes.
func BenchmarkLifecycle(b *testing.B) {
	p := benchPact(10)
	b.ReportAllocs()
	for b.Loop() {
		s, err := New(p, Config{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Start(); err != nil {
			b.Fatal(err)
		}
		c := &http.Client{Transport: &http.Transport{}}
		req, _ := http.NewRequest("GET", s.URL()+"/items/3?full=true", nil)
		req.Header.Set("Accept", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		c.CloseIdleConnections()
	}
}

// BenchmarkHandler measures the server's own work per request (conversion,
// matching among 100 interactions, recording, response), without the network.
func BenchmarkHandler(b *testing.B) {
	s, err := New(benchPact(100), Config{})
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest("GET", "http://127.0.0.1/items/42?full=true", nil)
	req.RequestURI = "/items/42?full=true"
	req.Header.Set("Accept", "application/json")
	w := &recorder{header: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.header)
		w.body.Reset()
		s.ServeHTTP(w, req)
	}
	if w.status != 200 {
		b.Fatalf("status %d", w.status)
	}
}

// BenchmarkServeRaw is scenario b of conformance/bench in Go: parallel
// keep-alive connections sending the same GET, as wrk does, with a client
// light enough that a CPU profile shows mostly the server.
func BenchmarkServeRaw(b *testing.B) {
	s := start(b, benchPact(1), Config{})
	addr := strings.TrimPrefix(s.URL(), "http://")
	req := []byte("GET /items/0?full=true HTTP/1.1\r\nHost: " + addr + "\r\nAccept: application/json\r\n\r\n")
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			b.Error(err)
			return
		}
		defer c.Close()
		br := bufio.NewReader(c)
		for pb.Next() {
			if _, err := c.Write(req); err != nil {
				b.Error(err)
				return
			}
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
}
