//go:build !unix

package publish

import "os"

// writeFile writes a new file of the output.
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
