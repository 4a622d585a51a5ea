// Package mappings embeds the curated mapping files and the theme vocabulary.
package mappings

import "embed"

// FS holds themes.yaml, one <target>.yaml per mapped document, and the
// curation guide (so tests can check its examples against the records).
//
//go:embed *.yaml CURATION.md
var FS embed.FS
