package pack

import (
	"context"
	"testing"

	"parley/app"
	"parley/app/sample"
)

// benchRender renders a meeting b.N times and reports the PDF's size.
func benchRender(b *testing.B, m *app.Meeting, o Options) {
	b.Helper()
	if _, err := Render(context.Background(), m, o, nil); err != nil { // warm the font cache
		b.Fatal(err)
	}
	b.ResetTimer()
	var size int
	for i := 0; i < b.N; i++ {
		out, err := Render(context.Background(), m, o, nil)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// BenchmarkSample: the sample pack (target: 50 ms, under 1 MB).
func BenchmarkSample(b *testing.B) { benchRender(b, sample.Sample(), Options{}) }

// BenchmarkLarge: 2 x 150 people, 60 items, 120 paragraphs (target: 300 ms, 2 MB).
func BenchmarkLarge(b *testing.B) { benchRender(b, sample.Large(sample.LargeOptions{}), Options{}) }

// BenchmarkLargeChanges: the large pack with the changes since draft 1
// (97 of 120 paragraphs changed).
func BenchmarkLargeChanges(b *testing.B) {
	benchRender(b, sample.Large(sample.LargeOptions{}), Options{ChangesSince: 1})
}

// BenchmarkLargeCJK: the large meeting with native-script names and a
// Japanese statement, thousands of distinct ideographs (target: 500 ms).
func BenchmarkLargeCJK(b *testing.B) {
	benchRender(b, sample.Large(sample.LargeOptions{Native: true, Japanese: true}), Options{})
}
