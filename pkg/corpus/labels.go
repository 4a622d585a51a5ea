package corpus

// Label is the theme's English and Chinese names, for a group heading.
func (t Theme) Label() string {
	if t.Zh == "" {
		return t.En
	}
	return t.En + " — " + t.Zh
}
