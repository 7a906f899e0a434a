// Package gobz writes and reads a value as gzip-compressed gob, the format
// of the embedded model weights.
package gobz

import (
	"compress/gzip"
	"encoding/gob"
	"io"
)

// Write encodes v as gob, compressed with gzip at the best compression.
func Write(w io.Writer, v any) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes into v (a pointer) what Write wrote.
func Read(r io.Reader, v any) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	return gob.NewDecoder(zr).Decode(v)
}
