package corpus

// Theme is one entry of the theme vocabulary (mappings/themes.yaml).
type Theme struct {
	Key        string `yaml:"key" json:"key"`
	Group      string `yaml:"group" json:"group"`
	En         string `yaml:"en" json:"en"`
	Zh         string `yaml:"zh" json:"zh"`
	Definition string `yaml:"definition" json:"definition"`
}

// Themes is the ordered vocabulary, with named sets of related themes.
type Themes struct {
	List     []Theme        `yaml:"themes"`
	Sets     []ThemeSet     `yaml:"sets"`
	Variants []VariantGroup `yaml:"variants"`
	index    map[string]int
}

// VariantGroup lists spellings the texts use for the same thing, so that a
// search for one finds the others (其他利益攸關方 for 多利益攸关方).
type VariantGroup struct {
	Name  string   `yaml:"name" json:"name"`
	Forms []string `yaml:"forms" json:"forms"`
}

// ThemeSet names several related themes: --theme data means all the data
// themes.
type ThemeSet struct {
	Key    string   `yaml:"key" json:"key"`
	En     string   `yaml:"en" json:"en"`
	Themes []string `yaml:"themes" json:"themes"`
}

// Expand turns a theme or set key into theme keys; ok is false for a key
// that is neither.
func (t *Themes) Expand(k string) (keys []string, ok bool) {
	if _, ok := t.index[k]; ok {
		return []string{k}, true
	}
	for _, s := range t.Sets {
		if s.Key == k {
			return s.Themes, true
		}
	}
	return nil, false
}

// Names lists every accepted --theme value: theme keys, then set keys.
func (t *Themes) Names() []string {
	out := t.Keys()
	for _, s := range t.Sets {
		out = append(out, s.Key)
	}
	return out
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
