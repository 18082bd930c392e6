package mockserver

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"sync"
	"time"
)

// selfSigned is the certificate every TLS mock server of this process
// presents: made once, on first use, valid for localhost, 127.0.0.1 and ::1.
var selfSigned struct {
	once sync.Once
	cert tls.Certificate
	pem  string
	err  error
}

// CACertificatePEM returns, PEM-encoded, the self-signed certificate that TLS
// mock servers present. A client that trusts it (adds it to its root pool)
// can talk HTTPS to any of them. It returns "" if the certificate could not
// be made.
//
//	pool := x509.NewCertPool()
//	pool.AppendCertsFromPEM([]byte(mockserver.CACertificatePEM()))
func CACertificatePEM() string {
	_, pemText, _ := certificate()
	return pemText
}

// certificate makes the process's certificate on first use.
func certificate() (tls.Certificate, string, error) {
	selfSigned.once.Do(func() {
		selfSigned.cert, selfSigned.pem, selfSigned.err = makeCertificate()
	})
	return selfSigned.cert, selfSigned.pem, selfSigned.err
}

func makeCertificate() (tls.Certificate, string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", fmt.Errorf("generating the mock server TLS key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return tls.Certificate{}, "", fmt.Errorf("generating the mock server TLS serial: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{Organization: []string{"libpact mock server"}, CommonName: "localhost"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, "", fmt.Errorf("creating the mock server TLS certificate: %w", err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, "", fmt.Errorf("parsing the mock server TLS certificate: %w", err)
	}
	cert := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
	return cert, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})), nil
}
