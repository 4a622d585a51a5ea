package dataset

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"

	"github.com/crosswalk-dev/crosswalk/pkg/corpus"
)

// The cache's encoding: the loaded data's own types, written field by field
// by reflection. It is ours rather than encoding/gob because gob's package
// start-up cost every command, --data or not, about 2 ms, and because it
// keeps what gob loses: an empty list stays empty, not absent.
//
// Strings and lists are a uvarint length then their bytes or elements; a
// list or pointer is written with length+1, so 0 stands for nil; integers
// are varints; a struct is its exported fields in order. A clause's Doc is
// not written (it points back at the document being written); loading the
// corpus sets it again.

var docType = reflect.TypeFor[*corpus.Document]()

// fields lists the fields of a struct type that are written, remembered per
// type: looking them up for every clause made a cached run at 100× about
// a tenth slower.
type fields map[reflect.Type][]int

func (fs fields) of(t reflect.Type) []int {
	idx, ok := fs[t]
	if !ok {
		idx = []int{}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && f.Type != docType {
				idx = append(idx, i)
			}
		}
		fs[t] = idx
	}
	return idx
}

type encoder struct {
	w       *bufio.Writer
	scratch []byte
	fields  fields
}

func (e *encoder) uvarint(n uint64) {
	e.scratch = binary.AppendUvarint(e.scratch[:0], n)
	e.w.Write(e.scratch)
}

func (e *encoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		e.uvarint(uint64(v.Len()))
		e.w.WriteString(v.String())
	case reflect.Bool:
		b := uint64(0)
		if v.Bool() {
			b = 1
		}
		e.uvarint(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.scratch = binary.AppendVarint(e.scratch[:0], v.Int())
		e.w.Write(e.scratch)
	case reflect.Uint8:
		e.w.WriteByte(byte(v.Uint()))
	case reflect.Array:
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Pointer:
		if v.IsNil() {
			e.uvarint(0)
			return nil
		}
		if v.Kind() == reflect.Pointer {
			e.uvarint(1)
			return e.value(v.Elem())
		}
		e.uvarint(uint64(v.Len()) + 1)
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for _, i := range e.fields.of(v.Type()) {
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("the cache cannot hold a %s", v.Type())
	}
	return nil
}

// errDamaged is any decoding failure: the cache file is then ignored.
var errDamaged = errors.New("damaged cache")

type decoder struct {
	b      []byte
	fields fields
}

func (d *decoder) uvarint() (uint64, error) {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		return 0, errDamaged
	}
	d.b = d.b[k:]
	return n, nil
}

// length reads a length, refusing one that the bytes left cannot hold (every
// element takes at least one byte), so damage cannot ask for a huge slice.
func (d *decoder) length() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(len(d.b)) {
		return 0, errDamaged
	}
	return int(n), nil
}

func (d *decoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		n, err := d.length()
		if err != nil {
			return err
		}
		v.SetString(string(d.b[:n]))
		d.b = d.b[n:]
	case reflect.Bool:
		b, err := d.uvarint()
		v.SetBool(b == 1)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, k := binary.Varint(d.b)
		if k <= 0 || v.OverflowInt(n) {
			return errDamaged
		}
		v.SetInt(n)
		d.b = d.b[k:]
	case reflect.Uint8:
		if len(d.b) == 0 {
			return errDamaged
		}
		v.SetUint(uint64(d.b[0]))
		d.b = d.b[1:]
	case reflect.Array:
		for i := range v.Len() {
			if err := d.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		n, err := d.uvarint()
		if err != nil || n > 1 {
			return errDamaged
		}
		if n == 1 {
			v.Set(reflect.New(v.Type().Elem()))
			return d.value(v.Elem())
		}
	case reflect.Slice:
		n, err := d.length()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil // nil
		}
		v.Set(reflect.MakeSlice(v.Type(), n-1, n-1))
		for i := range n - 1 {
			if err := d.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for _, i := range d.fields.of(v.Type()) {
			if err := d.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return errDamaged
	}
	return nil
}
