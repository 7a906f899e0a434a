package gobz

import (
	"bytes"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	type file struct {
		Words []string
		W     []float32
	}
	in := file{Words: []string{"a", "b"}, W: []float32{1.5, -2}}
	var buf bytes.Buffer
	if err := Write(&buf, &in); err != nil {
		t.Fatal(err)
	}
	var out file
	if err := Read(&buf, &out); err != nil || !reflect.DeepEqual(in, out) {
		t.Errorf("Read = %+v, %v; want %+v", out, err, in)
	}
	if err := Read(bytes.NewReader([]byte("not gzip")), &out); err == nil {
		t.Error("garbage decoded")
	}
}
