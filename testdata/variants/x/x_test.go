package x

import (
	"log"
	"testing"
)

type logger struct{}

func (logger) Log(s string) { log.Print(s) }

func TestRecord(t *testing.T) { Record(logger{}, "started") }
