package corpus

// Theme is one entry of the theme vocabulary (mappings/themes.yaml).
type Theme struct {
	Key        string `yaml:"key" json:"key"`
	Group      string `yaml:"group" json:"group"`
	En         string `yaml:"en" json:"en"`
	Zh         string `yaml:"zh" json:"zh"`
	Definition string `yaml:"definition" json:"definition"`
}

// Themes is the ordered vocabulary.
type Themes struct {
	List  []Theme `yaml:"themes"`
	index map[string]int
}

// Get returns the theme with key k.
func (t *Themes) Get(k string) (Theme, bool) {
	i, ok := t.index[k]
	if !ok {
		return Theme{}, false
	}
	return t.List[i], true
}

// Keys lists theme keys in vocabulary order.
func (t *Themes) Keys() []string {
	out := make([]string, len(t.List))
	for i, th := range t.List {
		out[i] = th.Key
	}
	return out
}

// Order is a theme's position in the vocabulary, for stable grouping; unknown
// keys sort last.
func (t *Themes) Order(k string) int {
	if i, ok := t.index[k]; ok {
		return i
	}
	return len(t.List)
}

func (t *Themes) reindex() {
	t.index = make(map[string]int, len(t.List))
	for i, th := range t.List {
		t.index[th.Key] = i
	}
}
