package mockserver

import "testing"

func TestAddress(t *testing.T) {
	tests := []struct {
		host    string
		port    uint16
		want    string
		wantErr bool
	}{
		{"", 0, "127.0.0.1:0", false},
		{" localhost ", 1234, "localhost:1234", false},
		{"::1", 8080, "[::1]:8080", false},
		{"[::1]", 0, "[::1]:0", false},
		{"0.0.0.0", 0, "0.0.0.0:0", false},
		{"127.0.0.1:80", 0, "", true},
		{"http://x", 0, "", true},
		{"a b", 0, "", true},
	}
	for _, tt := range tests {
		got, err := Address(tt.host, tt.port)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Address(%q, %d) = %q, %v; want %q, error %v", tt.host, tt.port, got, err, tt.want, tt.wantErr)
		}
	}
}
