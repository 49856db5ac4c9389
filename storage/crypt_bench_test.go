package storage

import (
	"path/filepath"
	"testing"
)

// realWorkFactor sets the scrypt work factor of real use for a benchmark.
func realWorkFactor(b *testing.B) {
	old := workFactor
	workFactor = 18
	b.Cleanup(func() { workFactor = old })
}

// benchLarge saves the large meeting, encrypted or not, and returns its path.
func benchLarge(b *testing.B, encrypted bool) string {
	_, m := largeBytes(b)
	path := filepath.Join(b.TempDir(), "large.parley")
	if encrypted {
		realWorkFactor(b)
		SetPassphrase(path, "bench passphrase")
		b.Cleanup(func() { forget(path) })
	}
	if err := Save(path, m); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenLarge: reading, decrypting, decoding and validating the
// large meeting (a window's open), plain and encrypted. Encrypted, the
// cost is scrypt's (work factor 18, by design about a second).
func BenchmarkOpenLarge(b *testing.B) {
	for _, enc := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "encrypted"}[enc], func(b *testing.B) {
			path := benchLarge(b, enc)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, _, err := LoadTracked(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveLarge: encoding, encrypting and atomically saving the large
// meeting, plain and encrypted.
func BenchmarkSaveLarge(b *testing.B) {
	for _, enc := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "encrypted"}[enc], func(b *testing.B) {
			path := benchLarge(b, enc)
			_, m := largeBytes(b)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := Save(path, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
