package storage

import (
	"path/filepath"
	"testing"

	"parley/app"
	"parley/app/sample"
)

func largeBytes(b *testing.B) ([]byte, *app.Meeting) {
	m := sample.Large(sample.LargeOptions{})
	data, err := Encode(m)
	if err != nil {
		b.Fatal(err)
	}
	return data, m
}

// BenchmarkDecodeValidate: target <= 20 ms for the large meeting.
func BenchmarkDecodeValidate(b *testing.B) {
	data, _ := largeBytes(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Validated(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode: target <= 10 ms for the large meeting.
func BenchmarkEncode(b *testing.B) {
	data, m := largeBytes(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAtomicSave: target <= 30 ms for the large meeting (encode and write).
func BenchmarkAtomicSave(b *testing.B) {
	_, m := largeBytes(b)
	path := filepath.Join(b.TempDir(), "large.parley")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Save(path, m); err != nil {
			b.Fatal(err)
		}
	}
}
