package main

import (
	_ "embed"
	"fmt"
	"runtime"

	"github.com/BurntSushi/toml"
)

// fyneApp is FyneApp.toml, the one place that names the application and
// its version: the program reads it here (every build path embeds the
// same file), `fyne package --src cmd/parley` reads it to package the
// program, and make reads it to name and stamp the packages.
//
//go:embed FyneApp.toml
var fyneApp []byte

// appDetails is the [Details] table of FyneApp.toml.
type appDetails struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// details are this build's name, ID and version.
var details = parseDetails(fyneApp)

// Version is this build's version (FyneApp.toml's Version).
var Version = details.Version

func parseDetails(data []byte) appDetails {
	var f struct{ Details appDetails }
	if err := toml.Unmarshal(data, &f); err != nil {
		panic("FyneApp.toml: " + err.Error())
	}
	d := f.Details
	if d.Name == "" || d.ID == "" || d.Version == "" {
		panic("FyneApp.toml: [Details] needs Name, ID and Version")
	}
	return d
}

// versionLine is what `parley version` prints: the version, the build
// number, the file format, and the system it was built for.
func versionLine(format string) string {
	return fmt.Sprintf("parley %s (build %d, file format %s, %s/%s, %s)", details.Version, details.Build, format, runtime.GOOS, runtime.GOARCH, runtime.Version())
}
