// Package mappings embeds the curated mapping files and the theme vocabulary.
package mappings

import "embed"

// FS holds themes.yaml and one <target>.yaml per mapped document.
//
//go:embed *.yaml
var FS embed.FS
