package mapping

// Between returns the record that maps clause a to clause b, or b to a, by
// fully qualified IDs; nil if the pair is not curated.
func (s *Set) Between(a, b string) *Record {
	for _, f := range s.Files {
		for i := range f.Records {
			r := &f.Records[i]
			if r.Target == "" {
				continue
			}
			src, tgt := r.SourceQID(), r.TargetQID()
			if (src == a && tgt == b) || (src == b && tgt == a) {
				return r
			}
		}
	}
	return nil
}
