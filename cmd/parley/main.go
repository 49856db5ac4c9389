// Command parley prepares dialogue meetings: with no subcommand it opens the
// window; subcommands work on .parley files from the command line.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
