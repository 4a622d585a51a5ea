package mapping

// Between returns the record that maps clause a to clause b, or b to a, by
// fully qualified IDs; nil if the pair is not curated. The first call
// indexes every pair both ways, so a report asking for each of thousands
// of suggestions does not scan every record each time.
func (s *Set) Between(a, b string) *Record {
	s.pairsOnce.Do(func() {
		s.pairs = map[[2]string]*Record{}
		for _, f := range s.Files {
			for i := range f.Records {
				r := &f.Records[i]
				if r.Target == "" {
					continue
				}
				src, tgt := r.SourceQID(), r.TargetQID()
				// The first record in file order wins, as a scan would find it.
				for _, k := range [][2]string{{src, tgt}, {tgt, src}} {
					if _, ok := s.pairs[k]; !ok {
						s.pairs[k] = r
					}
				}
			}
		}
	})
	return s.pairs[[2]string{a, b}]
}
