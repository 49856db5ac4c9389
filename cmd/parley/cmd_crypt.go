package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"

	"parley/storage"
)

func init() {
	register("encrypt", command{summary: "encrypt a meeting file with a passphrase (asked for, or $PARLEY_PASSPHRASE)",
		usage: encryptUsage, run: cmdEncrypt})
	register("decrypt", command{summary: "remove a meeting file's encryption",
		usage: decryptUsage, run: cmdDecrypt})
}

const (
	encryptUsage = "encrypt FILE.parley [-o OUT.parley]"
	decryptUsage = "decrypt FILE.parley [-o OUT.parley]"
)

// passphraseEnv names the variable that gives scripts the passphrase of
// encrypted meetings (and the new one for parley encrypt).
const passphraseEnv = "PARLEY_PASSPHRASE"

// promptPassphrase asks for a passphrase: $PARLEY_PASSPHRASE when set,
// else on the terminal without echo.
type promptPassphrase struct{ stderr io.Writer }

// Passphrase implements storage.PassphraseSource.
func (p promptPassphrase) Passphrase(path string, again bool) (string, error) {
	if v, ok := os.LookupEnv(passphraseEnv); ok {
		if again {
			return "", fmt.Errorf("%w (from %s)", storage.ErrWrongPassphrase, passphraseEnv)
		}
		return v, nil
	}
	if again {
		fmt.Fprintln(p.stderr, "wrong passphrase, try again")
	}
	return p.read("passphrase for " + filepath.Base(path) + ": ")
}

func (p promptPassphrase) read(prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", fmt.Errorf("%w: set %s or run it in a terminal", storage.ErrNoPassphrase, passphraseEnv)
	}
	fmt.Fprint(p.stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(p.stderr)
	if err != nil {
		return "", fmt.Errorf("%w: %v", storage.ErrNoPassphrase, err)
	}
	return string(b), nil
}

// newPassphrase asks for a new passphrase twice on the terminal, or takes
// $PARLEY_PASSPHRASE.
func (p promptPassphrase) newPassphrase(path string) (string, error) {
	if v, ok := os.LookupEnv(passphraseEnv); ok {
		if v == "" {
			return "", fmt.Errorf("%s is empty: %w", passphraseEnv, storage.ErrEmptyPassphrase)
		}
		return v, nil
	}
	first, err := p.read("new passphrase for " + filepath.Base(path) + ": ")
	if err != nil {
		return "", err
	}
	if first == "" {
		return "", storage.ErrEmptyPassphrase
	}
	second, err := p.read("the same again: ")
	if err != nil {
		return "", err
	}
	if first != second {
		return "", errors.New("the two passphrases differ: nothing was changed")
	}
	return first, nil
}

func cmdEncrypt(args []string, stdout, stderr io.Writer) int {
	return cryptCommand("encrypt", encryptUsage, args, stdout, stderr)
}

func cmdDecrypt(args []string, stdout, stderr io.Writer) int {
	return cryptCommand("decrypt", decryptUsage, args, stdout, stderr)
}

// cryptCommand encrypts (name "encrypt") or decrypts a meeting file into
// OUT or itself.
func cryptCommand(name, usage string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(name, usage, stderr)
	out := fs.String("o", "", "where to write the meeting (default: the file itself)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(stderr, usage, "name one meeting file")
	}
	path := pos[0]
	if *out == stdoutName {
		return usageError(stderr, usage, "-o -: %s writes a file (standard output would get the meeting unencrypted)", name)
	}
	encrypted := storage.IsEncryptedFile(path)
	if name == "encrypt" && encrypted {
		fmt.Fprintf(stderr, "%s: already encrypted: to change its passphrase, decrypt it and encrypt it again\n", path)
		return exitRefused
	}
	if name == "decrypt" && !encrypted {
		fmt.Fprintf(stderr, "%s: not encrypted: nothing to do\n", path)
		return exitRefused
	}
	o, code := openOutput(name, path, *out, stdout, stderr)
	if code != exitOK {
		return code
	}
	defer o.close()
	m, _, code := o.load()
	if code != exitOK {
		return code
	}
	if name == "encrypt" {
		pass, err := promptPassphrase{stderr}.newPassphrase(path)
		if err == nil {
			err = storage.SetPassphrase(o.dest, pass)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			return exitRefused
		}
	} else {
		// Neither the file written nor the one read passes its
		// passphrase on: the result is plain.
		storage.ClearPassphrase(path)
		storage.ClearPassphrase(o.dest)
	}
	if code := o.save(m); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "%sed %s: wrote %s\n", name, path, o.dest)
	return exitOK
}
