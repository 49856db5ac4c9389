package assets

import _ "embed"

// FontLicence names a bundled font, its licence, and the licence's text
// (which the licences ask to travel with the font).
type FontLicence struct {
	Font, Licence string
	Text          []byte
}

var (
	//go:embed fonts/LICENSE-NotoSans.txt
	notoLicence []byte
	//go:embed fonts/LICENSE-WenQuanYiMicroHei.txt
	wqyLicence []byte
)

// FontLicences are the licences of the fonts Parley embeds.
var FontLicences = []FontLicence{
	{Font: "Noto Sans", Licence: "SIL Open Font License 1.1", Text: notoLicence},
	{Font: "WenQuanYi Micro Hei", Licence: "Apache License 2.0", Text: wqyLicence},
}
