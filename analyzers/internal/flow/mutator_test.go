package flow

import "testing"

func TestMutator(t *testing.T) {
	for name, want := range map[string]bool{
		"Set": true, "SetEmail": true, "WriteString": true, "Add": true, "Println": true, "Printf": true, "Print": true,
		"Settings": false, "Addresses": false, "Storefront": false, "Get": false, "Resets": false, "Reset": true,
	} {
		if got := mutator(name); got != want {
			t.Errorf("mutator(%q) = %v, want %v", name, got, want)
		}
	}
}
