//go:build nosnapshot

package dataset

// Embedded loads the embedded YAML: built with -tags nosnapshot there is no
// snapshot, which is how gensnapshot itself is built.
func Embedded() (*Dataset, error) { return EmbeddedYAML() }
