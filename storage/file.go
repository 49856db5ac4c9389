package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parley/app"
)

// ReadFile reads a file of at most MaxSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Kind: err, Msg: openMessage(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{Path: path, Kind: ErrNotParley, Msg: "is a folder, not a meeting file"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{Path: path, Kind: err, Msg: "cannot read: " + err.Error()}
	}
	if len(data) > MaxSize {
		return nil, &Error{Path: path, Kind: ErrTooLarge, Msg: fmt.Sprintf("the file is over the %d MiB limit: it is not a meeting file", MaxSize>>20)}
	}
	return data, nil
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: ask for read access or copy the file somewhere you can read it"
	}
	return "cannot open: " + err.Error()
}

// Load reads, decodes and validates a meeting file. It returns the
// validation problems (warnings and errors) with the meeting; a file with
// fatal problems is refused with an ErrInvalid error.
func Load(path string) (*app.Meeting, []app.Problem, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if data, err = openBytes(path, data); err != nil {
		return nil, nil, err
	}
	m, probs, err := Validated(data)
	if err != nil {
		return nil, probs, withPath(err, path)
	}
	return m, probs, nil
}

// Save encodes the meeting and writes it atomically. It refuses to replace
// a file made by a newer Parley.
func Save(path string, m *app.Meeting) error {
	data, err := Encode(m)
	if err != nil {
		return &Error{Path: path, Msg: err.Error()}
	}
	return SaveBytes(path, data)
}

// SaveBytes writes encoded meeting bytes atomically, refusing to replace a
// file made by a newer Parley or a file that is not a meeting.
func SaveBytes(path string, data []byte) error {
	_, err := saveSealed(path, data)
	return err
}

// saveSealed is SaveBytes returning the bytes written: data encrypted
// when saves of path are (see sealBytes).
func saveSealed(path string, data []byte) ([]byte, error) {
	data, err := sealBytes(path, data)
	if err != nil {
		return nil, err
	}
	return data, saveRaw(path, data)
}

func saveRaw(path string, data []byte) error {
	if err := checkReplaceable(path); err != nil {
		return err
	}
	if err := WriteAtomic(path, data); err != nil {
		return &Error{Path: path, Kind: err, Msg: "cannot save: " + err.Error() + "; the file on disk is unchanged"}
	}
	return nil
}

// checkReplaceable refuses to overwrite a newer-format meeting file or a
// non-empty file that is not a meeting at all.
func checkReplaceable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // nothing there yet, or the write will say why
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if len(bytes.TrimSpace(head)) == 0 || IsEncrypted(head) {
		return nil
	}
	if h, ok := probeHeader(head); ok {
		if h.Format == nil || *h.Format != FormatMarker {
			return &Error{Path: path, Kind: ErrNotParley, Msg: "is not a Parley meeting file: not overwriting it; choose another name"}
		}
		if h.Version != nil {
			if v, err := ParseVersion(*h.Version); err == nil && v.Major > Major {
				return &Error{Path: path, Kind: ErrNewer, Msg: fmt.Sprintf("was made by a newer Parley (format %s): not overwriting it; save under another name", v)}
			}
		}
		return nil
	}
	if head[0] != '{' {
		return &Error{Path: path, Kind: ErrNotParley, Msg: "is not a Parley meeting file: not overwriting it; choose another name"}
	}
	return nil
}

// probeHeader reads "format" and "version" from the start of a file whose
// writer put them first (as Encode does).
func probeHeader(head []byte) (header, bool) {
	dec := json.NewDecoder(bytes.NewReader(head))
	var h header
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return h, false
	}
	for i := 0; i < 2 && dec.More(); i++ {
		k, err := dec.Token()
		if err != nil {
			return h, false
		}
		v, err := dec.Token()
		if err != nil {
			return h, false
		}
		s, _ := v.(string)
		switch k {
		case "format":
			h.Format = &s
		case "version":
			h.Version = &s
		default:
			return h, h.Format != nil
		}
	}
	return h, true
}

// faultHook lets tests make each step of WriteAtomic fail.
var faultHook func(step string) error

func fault(step string) error {
	if faultHook != nil {
		return faultHook(step)
	}
	return nil
}

// WriteAtomic replaces path with data so that, whatever happens, the file
// holds either its old content or the new: write a temporary file in the
// same folder, flush it, rename it over path, flush the folder.
func WriteAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := fault("create"); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".saving-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fault("write"); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = fault("sync"); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = fault("close"); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = fault("rename"); err != nil {
		return err
	}
	if err = replaceFile(tmp.Name(), path); err != nil {
		return err
	}
	if err := fault("syncdir"); err != nil {
		return err
	}
	removeStaleTemps(dir, filepath.Base(path))
	return syncDir(dir)
}

// removeStaleTemps deletes temporary files that a save interrupted by a
// crash left beside the file. Only old ones: a fresh one may belong to a
// save under way in another process. (Matched by prefix, not a glob: a
// glob cannot escape "[" in a name on Windows.)
func removeStaleTemps(dir, base string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "."+base+".saving-") {
			continue
		}
		m := filepath.Join(dir, e.Name())
		if st, err := os.Stat(m); err == nil && time.Since(st.ModTime()) > staleTemp {
			os.Remove(m)
		}
	}
}

// staleTemp is how old a left-over temporary file must be to be removed.
const staleTemp = 10 * time.Minute
