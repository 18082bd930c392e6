module github.com/libpact/libpact

go 1.26.8
