package mockserver

import (
	"encoding/json"
	"fmt"
	"strings"
)

// TransportConfig is what the transport_config JSON of
// pactffi_create_mock_server_for_transport sets, as pact_mock_server's
// MockServerConfig::from_json reads it: "corsPreflight": true makes the
// server answer CORS preflight requests (Config.CORS). pact-js passes
// {"corsPreflight": true} unless its cors option is false. Other keys are
// ignored; a value of another type counts as false.
type TransportConfig struct {
	CORSPreflight bool
}

// ParseTransportConfig reads a transport_config; "" (or only spaces) is the
// default configuration, anything but a JSON object an error.
//
//	tc, err := mockserver.ParseTransportConfig(`{"corsPreflight": true}`) // tc.CORSPreflight == true
func ParseTransportConfig(s string) (TransportConfig, error) {
	var tc TransportConfig
	if strings.TrimSpace(s) == "" {
		return tc, nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return tc, fmt.Errorf("transport_config is not a JSON object: %w", err)
	}
	tc.CORSPreflight, _ = m["corsPreflight"].(bool)
	return tc, nil
}
