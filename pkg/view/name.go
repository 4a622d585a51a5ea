package view

// Name is the report's name (compare, gaps …), which names its sheet in a
// workbook.
func (m Meta) Name() string { return m.Report }

// Name is the report's name, which names its sheet in a workbook.
func (h dataHeader) Name() string { return h.Report }
