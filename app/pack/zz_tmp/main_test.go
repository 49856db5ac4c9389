package ft

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"parley/assets"
)

func BenchmarkAll(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f := gofpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("cjk", "", assets.CJK)
		f.AddUTF8FontFromBytes("sans", "", assets.TextRegular)
		f.AddUTF8FontFromBytes("sans", "B", assets.TextBold)
		f.AddUTF8FontFromBytes("sans", "I", assets.TextItalic)
		f.AddPage()
		f.SetFont("cjk", "", 12)
		f.Text(20, 20, "水島光一 이충면 ひらがな")
		f.SetFont("sans", "", 12)
		f.Text(20, 40, "Hello world")
		var buf bytes.Buffer
		f.Output(&buf)
	}
}
